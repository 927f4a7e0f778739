"""50 conversations at once, 20 turns each, every one on its own job and its own order of
topics: no request fails and every answer follows its own conversation's context."""
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from itertools import cycle, islice
from typing import List

from knowledge.topics import Topic
from tests.expected import FACTS, GESTIONNAIRE, GESTIONNAIRE_NAME, OPERATEUR, OPERATEUR_NAME, SPOKEN_NAMES
from tests.servers import reply_text, say

CONVERSATIONS = 50
TURNS = 20
NAMES = {OPERATEUR: OPERATEUR_NAME, GESTIONNAIRE: GESTIONNAIRE_NAME}
# Follow-up questions that name no job, on topics both sheets hold: only the conversation's
# context says which job is meant.
FOLLOW_UPS = {
    Topic.TRAINING: "et la formation ?",
    Topic.SKILLS: "et ses compétences ?",
    Topic.ACTIVITIES: "et ses missions ?",
    Topic.ENVIRONMENT: "et les conditions de travail ?",
    Topic.SECTOR: "et son secteur ?",
}


def converse(base_url: str, number: int) -> List[str]:
    """Conversation ``number``; the problems seen, one line each."""
    job = (OPERATEUR, GESTIONNAIRE)[number % 2]
    other_name = NAMES[(GESTIONNAIRE, OPERATEUR)[number % 2]]
    sender = f"charge-{number}"
    topics = list(FOLLOW_UPS)
    order = topics[number % len(topics):] + topics[:number % len(topics)]
    questions = [(f"C'est quoi le métier de {SPOKEN_NAMES[job]} ?", None)]
    questions += [(FOLLOW_UPS[topic], topic) for topic in islice(cycle(order), TURNS - 1)]
    problems = []
    for turn, (question, topic) in enumerate(questions, start=1):
        try:
            replies = say(base_url, sender, question)
        except Exception as error:  # counted, not raised: the test reports them all
            problems.append(f"{sender} tour {turn} : échec {error!r}")
            continue
        text = reply_text(replies)
        expected = FACTS[(job, topic or Topic.DESCRIPTION)][0]
        if expected not in text or other_name in text:
            problems.append(f"{sender} tour {turn} ({job}, {question}) : {text[:120]!r}")
    return problems


def test_fifty_conversations_at_once_keep_their_own_context(rest_bot):
    with ThreadPoolExecutor(max_workers=CONVERSATIONS) as pool:
        found = pool.map(partial(converse, rest_bot), range(CONVERSATIONS))
        problems = [problem for conversation in found for problem in conversation]
    assert problems == []
