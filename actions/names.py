"""Names shared by the domain, the actions and the tests."""
from knowledge.topics import Topic

ENTITY_JOB = "job"

SLOT_JOB = "job"
SLOT_TOPIC = "topic"
SLOT_OFFERED_JOBS = "offered_jobs"

INTENT_GREET = "greet"
INTENT_GOODBYE = "goodbye"
INTENT_THANK = "thank"
INTENT_HELP = "help"
INTENT_AFFIRM = "affirm"
INTENT_DENY = "deny"
TOPIC_INTENTS = tuple(topic.intent for topic in Topic)

ACTION_ANSWER_PRESENTATION = "action_answer_presentation"
ACTION_ANSWER_TRAINING = "action_answer_training"
ACTION_ANSWER_SKILLS = "action_answer_skills"
ACTION_ANSWER_SALARY = "action_answer_salary"
ACTION_ANSWER_LABOUR_MARKET = "action_answer_labour_market"
ACTION_ANSWER_CAREER = "action_answer_career"
ACTION_ACCEPT_OFFER = "action_accept_offer"
ACTION_DECLINE_OFFER = "action_decline_offer"
ACTION_SHOW_HELP = "action_show_help"
