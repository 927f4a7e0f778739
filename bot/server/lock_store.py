"""Rasa's Redis lock store, with each change of a lock made atomic.

Rasa 3.6's ``RedisLockStore`` reads a conversation's lock, changes it and writes it
back in three separate Redis calls. When two Rasa servers take tickets for the same
conversation at the same moment, one overwrites the other's ticket; that server then
finds no lock, raises ``LockError`` and drops the user's message (seen with two
servers and 20 simultaneous messages: 3 lost; tests/test_scale_out.py). Here each
read-change-write runs in a Redis transaction (WATCH / MULTI), retried when another
server changed the lock in between. Selected in ``deploy/endpoints-multi.yml``:

    lock_store:
      type: bot.server.lock_store.AtomicRedisLockStore
      url: …
"""
import json
from typing import Callable, Optional, Text, Tuple, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

Result = TypeVar("Result")
# What a change does to a lock: the lock to store (None: delete it), and a result.
LockChange = Callable[[Optional[TicketLock]], Tuple[Optional[TicketLock], Result]]


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig) -> None:
        # Rasa builds lock stores named by their module path from the endpoint configuration.
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)

    def _change(self, conversation_id: Text, change: LockChange) -> Result:
        key = self.key_prefix + conversation_id

        def attempt(pipe) -> Result:
            stored = pipe.get(key)
            lock = TicketLock.from_dict(json.loads(stored)) if stored else None
            changed, result = change(lock)
            pipe.multi()
            if changed is None:
                pipe.delete(key)
            else:
                pipe.set(key, changed.dumps())
            return result

        return self.red.transaction(attempt, key, value_from_callable=True)

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def take_ticket(lock: Optional[TicketLock]) -> Tuple[TicketLock, int]:
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, take_ticket)
        except Exception as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: Text) -> None:
        def drop_expired_tickets(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, drop_expired_tickets)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        def finish_serving(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock:
                lock.remove_ticket_for(ticket_number)
            return (lock if lock and lock.is_someone_waiting() else None), None

        self._change(conversation_id, finish_serving)
