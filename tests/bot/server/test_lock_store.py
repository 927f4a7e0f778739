"""Tickets taken at the same moment by several Rasa servers, against a real Redis server:
each gets its own ticket, none is lost, and the lock goes when the last one is served."""
from concurrent.futures import ThreadPoolExecutor

import pytest
from rasa.utils.endpoints import EndpointConfig

from bot.server.lock_store import AtomicRedisLockStore
from tests.databases import redis_server

SERVERS = 4
TICKETS = 60


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    with redis_server(tmp_path_factory.mktemp("redis")) as redis:
        config = EndpointConfig(url=redis.host, port=redis.port, password=redis.password, db=1, key_prefix="test")
        yield [AtomicRedisLockStore(config) for _ in range(SERVERS)]


def test_simultaneous_tickets_are_all_distinct_and_kept(stores):
    with ThreadPoolExecutor(max_workers=16) as pool:
        tickets = list(pool.map(lambda n: stores[n % SERVERS].issue_ticket("simultane"), range(TICKETS)))
    assert sorted(tickets) == list(range(TICKETS))
    assert sorted(ticket.number for ticket in stores[0].get_lock("simultane").tickets) == list(range(TICKETS))


def test_the_lock_is_deleted_once_every_ticket_is_served(stores):
    tickets = [stores[n % SERVERS].issue_ticket("servi") for n in range(3)]
    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(lambda n: stores[n % SERVERS].cleanup("servi", tickets[n]), range(3)))
    assert stores[0].get_lock("servi") is None
