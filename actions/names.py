"""Names shared by the domain, the NLU pipeline, the actions and the tests."""

ENTITY_JOB = "job"
ENTITY_TOPIC = "topic"
ENTITY_TERM = "term"
ENTITY_RANK = "rank"
ENTITY_OTHER_JOB = "other_job"
# Set by the listing's buttons only: a family of jobs, and a page of it.
ENTITY_FAMILY = "family"
ENTITY_PAGE = "page"

SLOT_JOB = "job"
SLOT_TOPICS = "topics"
SLOT_OFFERED_JOBS = "offered_jobs"
SLOT_LISTED_JOBS = "listed_jobs"
SLOT_ANSWERED_JOBS = "answered_jobs"
# The details (knowledge/details.yml ids) of the last question, with its topics in ``topics``.
SLOT_DETAILS = "details"
SLOT_RATING = "rating"
SLOT_OUTCOME = "outcome"

INTENT_ASK = "ask"
INTENT_INFORM = "inform"
INTENT_COMPARE = "compare"
INTENT_LIST_JOBS = "list_jobs"
INTENT_DEFINE = "define"
INTENT_ASK_SOURCE = "ask_source"
INTENT_GREET = "greet"
INTENT_GOODBYE = "goodbye"
INTENT_THANK = "thank"
INTENT_BOT_CHALLENGE = "bot_challenge"
INTENT_HELP = "help"
INTENT_INSULT = "insult"
INTENT_OUT_OF_SCOPE = "out_of_scope"
INTENT_AFFIRM = "affirm"
INTENT_DENY = "deny"
INTENT_FEEDBACK_USEFUL = "feedback_useful"
INTENT_FEEDBACK_NOT_USEFUL = "feedback_not_useful"

# Keys of the parse data set by bot/nlu/topic_classifier.py: the topics a question asks, or
# (when unclear) the topics to offer, and the model's ranking.
PARSE_TOPICS = "topics"
PARSE_TOPIC_CANDIDATES = "topic_candidates"
PARSE_TOPIC_RANKING = "topic_ranking"
# Set by bot/nlu/topic_classifier.py: where in the message each topic is asked, in order
# ([{"topic": …, "start": …, "end": …}]; a topic asked in two parts appears twice).
PARSE_TOPIC_ASKS = "topic_asks"
# Set by bot/nlu/detail_classifier.py: what a typed question asks, in order, each a topic and
# (when the question asks one precise thing of it) a detail, with the other readings almost as
# likely ("*": the whole topic): [{"topic": …, "detail": … or None, "alternatives": […]}]; and
# the details whose words the question holds ("et par an ?").
PARSE_ASKS = "asks"
PARSE_MENTIONED_DETAILS = "mentioned_details"
# For a short message: under each topic, the detail its model finds more likely than the whole
# topic, if any ({topic: detail}); read against the topic of the conversation ("et au max ?").
PARSE_DETAIL_READINGS = "detail_readings"
WHOLE_TOPIC = "*"
# Set by bot/nlu/question_form.py: a closed question a quoted item may answer "oui" to; the
# ranking a question asks ("le mieux payé"); whether it points back at the jobs of the last
# answer ("lequel des deux ?"), or at the job other than the one in focus ("et l'autre ?").
PARSE_YES_NO = "yes_no"
# A closed question on whether there are any ("y a-t-il des CDI ?"): a share or a count above
# zero answers "oui", though not "beaucoup".
PARSE_ASKS_EXISTENCE = "asks_existence"
# An open question, with a question word ("et vers quoi ?"): a follow-up of a closed question
# without one is asked the same way ("et chef d'équipe ?").
PARSE_ASKS_OPENLY = "asks_openly"
# A short follow-up that leaves out what the conversation says ("et par an ?", "et l'anglais ?").
PARSE_ELLIPSIS = "ellipsis"
# A question that opens with "et", however long ("et l'opérateur, il lui faut quel niveau ?"):
# it goes on from the last one.
PARSE_GOES_ON = "goes_on"
# A follow-up that asks for the rest of the last answer ("c'est tout ?"): the whole last topic.
PARSE_ASKS_FOR_MORE = "asks_for_more"
# Two figures of one topic a closed question compares ("y a-t-il plus de femmes que d'hommes ?"):
# {"details": [the first, the second], "more": whether it asks if the first is the larger}.
PARSE_COMPARED_FIGURES = "compared_figures"
# A figure a closed question weighs one of the sheet's against ("ça dépasse 2 000 € par mois ?"):
# {"more": bool, "value": float, "measure": "percent", "euros" or "", "period": "month", "year" or ""}.
PARSE_THRESHOLD = "threshold"
# A follow-up that asks what to make of the last answer ("c'est beaucoup ?"): that answer again.
PARSE_WEIGHS_THE_LAST_ANSWER = "weighs_the_last_answer"
# A message that names a job and asks nothing else ("et pour le gestionnaire ?").
PARSE_ONLY_A_JOB = "only_a_job"
# A question said in the negative ("on est pas souvent assis ?"): a "oui" would mislead.
PARSE_NEGATED = "negated"
# A closed question on whether something is required ("faut-il un master ?"): an asset the sheet
# cites (« un atout pour évoluer ») does not answer it "oui".
PARSE_ASKS_NECESSITY = "asks_necessity"
# A question between alternatives ("on bosse en équipe ou tout seul ?"): no "non" to one of them.
PARSE_OFFERS_A_CHOICE = "offers_a_choice"
PARSE_RANKING = "ranking"
PARSE_POINTS_BACK = "points_back"
PARSE_THE_OTHER_JOB = "the_other_job"
# Set by bot/nlu/language_detector.py: the language a message is written in.
PARSE_LANGUAGE = "language"
FRENCH = "fr"

ACTION_ANSWER = "action_answer"
ACTION_COMPARE = "action_compare"
ACTION_LIST_JOBS = "action_list_jobs"
ACTION_DEFINE_TERM = "action_define_term"
ACTION_SHOW_SOURCE = "action_show_source"
ACTION_ACCEPT_OFFER = "action_accept_offer"
ACTION_DECLINE_OFFER = "action_decline_offer"
ACTION_SHOW_HELP = "action_show_help"
ACTION_RATE_USEFUL = "action_rate_useful"
ACTION_RATE_NOT_USEFUL = "action_rate_not_useful"

ACTION_FALLBACK = "action_fallback"
RESPONSE_NOT_UNDERSTOOD = "utter_default"
RESPONSE_MESSAGE_TOO_LONG = "utter_message_too_long"
RESPONSE_ACTION_FAILED = "utter_action_failed"
RESPONSE_OUT_OF_SCOPE = "utter_out_of_scope"
RESPONSE_COMMENT_THANKS = "utter_thank_for_comment"

# Jobs shown, and buttons offered, at once: more would not fit a phone's screen.
PAGE_SIZE = 8

# Longer messages are not read (bot/nlu/message_length_guard.py): a question is a few dozen
# characters, and the pipeline's time grows with the length (15 s for 100 000 characters).
LONGEST_MESSAGE_CHARS = 1000
