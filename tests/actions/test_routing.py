"""One router for a question read once: several asks answered each, in order; follow-ups read
against the conversation (the job and topic in focus, "et l'autre ?", "et pour le
gestionnaire ?"); forged parse data ignored."""
import pytest

from actions.knowledge_base import STORE
from actions.names import (
    PARSE_ASKS, PARSE_ASKS_FOR_MORE, PARSE_ASKS_OPENLY, PARSE_WEIGHS_THE_LAST_ANSWER, PARSE_DETAIL_READINGS, PARSE_ELLIPSIS, PARSE_MENTIONED_DETAILS, PARSE_ONLY_A_JOB,
    PARSE_GOES_ON, PARSE_THE_OTHER_JOB, PARSE_TOPIC_CANDIDATES, PARSE_TOPIC_RANKING, PARSE_TOPICS, SLOT_ANSWERED_JOBS, SLOT_DETAILS, SLOT_JOB, SLOT_TOPICS,
)
from actions.reading import Ask, parse_asks
from actions.routing import ActionAnswer
from knowledge.topics import Topic
from tests.builders import build_tracker, run_action, texts
from tests.expected import GESTIONNAIRE, GESTIONNAIRE_NAME, OPERATEUR, OPERATEUR_NAME, plain

SALARY_MEDIAN = {SLOT_JOB: OPERATEUR, SLOT_TOPICS: ["salary"], SLOT_DETAILS: ["salary_median"],
                 SLOT_ANSWERED_JOBS: [OPERATEUR]}


def said(asks=(), jobs=(), slots=None, intent="ask", text="", **parse):
    """The reply to a typed message read as ``asks`` ((topic, detail) pairs) and ``parse``."""
    data = {PARSE_TOPICS: list(dict.fromkeys(topic for topic, _ in asks)),
            PARSE_ASKS: [{"topic": topic, "detail": detail} for topic, detail in asks], **parse}
    messages, slots = run_action(ActionAnswer(), build_tracker(intent, jobs=jobs, slots=slots, text=text, parse=data))
    return [plain(text) for text in texts(messages)], slots


def test_several_asks_are_answered_each_in_the_order_asked():
    replies, slots = said([("salary", None), ("training", "study_level")], jobs=[OPERATEUR])
    assert replies[0].startswith(f"{OPERATEUR_NAME} — Salaire")
    assert replies[1].startswith(f"La fiche « {OPERATEUR_NAME} » indique :") and "Bac+2" in replies[1]
    assert slots[SLOT_TOPICS] == ["salary", "training"] and slots[SLOT_DETAILS] == ["study_level"]


def test_two_details_answered_by_the_same_words_of_the_sheet_are_answered_once():
    # "bts ou dut, lequel choisir ?": the BTS and the DUT are one item of the sheet.
    replies, _ = said([("training", "bts_banque"), ("training", "dut_but_gea")], jobs=[GESTIONNAIRE])
    quotes = [reply for reply in replies if reply.startswith(f"La fiche « {GESTIONNAIRE_NAME} » indique")]
    assert len(quotes) == 1 and "BTS Banque / DUT GEA" in quotes[0]


def test_a_whole_topic_beside_a_detail_of_it_is_that_detail():
    # "le 13e mois, c'est combien pour une opératrice ?"
    replies, _ = said([("salary", "salary_13th_month"), ("salary", None)], jobs=[OPERATEUR])
    assert replies[0].startswith(f"La fiche « {OPERATEUR_NAME} » ne dit rien sur ")
    assert not any(reply.startswith(f"{OPERATEUR_NAME} — Salaire") for reply in replies)


def test_pros_and_cons_asked_together_get_both():
    replies, _ = said([("pros", None), ("cons", None)], jobs=[OPERATEUR])
    assert [reply.split("\n")[0] for reply in replies] == [f"{OPERATEUR_NAME} — Avantages",
                                                           f"{OPERATEUR_NAME} — Inconvénients"]


def test_a_follow_up_naming_a_detail_of_the_topic_in_focus_asks_it():
    # "et par an ?" after the median salary of the opérateur.
    replies, _ = said([("labour_market", None)], slots=SALARY_MEDIAN, **{
        PARSE_ELLIPSIS: True, PARSE_MENTIONED_DETAILS: ["salary_annual_gross"]})
    assert replies[0].startswith(f"La fiche « {OPERATEUR_NAME} » indique :") and "21 k€ brut annuel" in replies[0]


def test_a_follow_up_without_words_of_a_detail_takes_the_detail_its_topic_s_model_reads():
    # "et au max ?": no topic decided, the salary model reads the maximum.
    replies, _ = said([], slots=SALARY_MEDIAN, **{PARSE_ELLIPSIS: True,
                                                  PARSE_DETAIL_READINGS: {"salary": "salary_max", "trends": "trend_ai_impact"}})
    assert "Salaire max : 2 917 €" in replies[0]


def test_a_follow_up_without_et_naming_a_detail_of_the_topic_in_focus_asks_it():
    # "au bout de quelques années ?" after the median salary of the opérateur.
    replies, _ = said([("mobility", None)], slots=SALARY_MEDIAN, **{
        PARSE_MENTIONED_DETAILS: ["salary_experienced"]})
    assert replies[0].startswith(f"La fiche « {OPERATEUR_NAME} » indique :") and "45 000" in replies[0]


def test_a_follow_up_naming_a_detail_of_the_topic_in_focus_and_another_topic_s_word_keeps_the_topic():
    # "et à l'embauche ?" after the median salary: the starting salary, not the hiring volume.
    tracker = build_tracker("ask", slots=SALARY_MEDIAN, topics=["labour_market"], parse={
        PARSE_TOPICS: ["labour_market"], PARSE_ASKS: [{"topic": "labour_market", "detail": None}],
        PARSE_ELLIPSIS: True, PARSE_MENTIONED_DETAILS: ["lm_hiring_volume", "salary_starting"]})
    reply = plain(texts(run_action(ActionAnswer(), tracker)[0])[0])
    assert reply.startswith(f"La fiche « {OPERATEUR_NAME} » indique :") and "1 766" in reply


def test_a_follow_up_naming_a_detail_of_the_topic_in_focus_the_sheet_lacks_asks_the_topic_it_names():
    # "et on commence avec quel diplôme ?" after the gestionnaire's mobility: the training, not
    # the diplomas to progress, which the sheet does not give.
    slots = {SLOT_JOB: GESTIONNAIRE, SLOT_TOPICS: ["mobility"], SLOT_ANSWERED_JOBS: [GESTIONNAIRE]}
    tracker = build_tracker("ask", slots=slots, topics=["training"], parse={
        PARSE_TOPICS: ["training"], PARSE_ASKS: [{"topic": "training", "detail": None}],
        PARSE_ELLIPSIS: True, PARSE_MENTIONED_DETAILS: ["mob_training_to_evolve"]})
    reply = plain(texts(run_action(ActionAnswer(), tracker)[0])[0])
    assert reply.startswith(f"{GESTIONNAIRE_NAME} — Formation")


def test_a_follow_up_on_a_detail_the_sheet_lacks_takes_one_of_another_topic_it_cites_in_the_same_words():
    # "il a quand même des possibilités d'évolution ?" after the opérateur's missing mobility.
    slots = {SLOT_JOB: OPERATEUR, SLOT_TOPICS: ["mobility"], SLOT_ANSWERED_JOBS: [OPERATEUR]}
    replies, _ = said([("mobility", None)], slots=slots, **{
        PARSE_MENTIONED_DETAILS: ["mob_prospects", "pro_career_prospects"], "yes_no": True})
    assert replies[0].startswith("Oui") and "Possibilités d'évolution de carrière" in replies[0]
    # "elle dure combien de temps, cette alternance ?": the duration stays missing.
    slots = {SLOT_JOB: GESTIONNAIRE, SLOT_TOPICS: ["training"], SLOT_ANSWERED_JOBS: [GESTIONNAIRE]}
    replies, _ = said([("training", "training_duration")], slots=slots, **{
        PARSE_MENTIONED_DETAILS: ["training_duration", "apprenticeship"], PARSE_ELLIPSIS: True})
    assert replies[0].startswith(f"La fiche « {GESTIONNAIRE_NAME} » ne dit rien sur ")


def test_a_detail_the_sheet_lacks_gives_way_to_one_of_its_topic_the_question_names_and_it_answers():
    # "il travaille seul dans son coin ?": read as the autonomy, which the sheet does not give;
    # its words name the work alone, which the sheet's teamwork answers.
    replies, _ = said([("environment", "autonomy")], jobs=[GESTIONNAIRE], **{
        PARSE_MENTIONED_DETAILS: ["solo_work"]})
    assert replies[0].startswith(f"La fiche « {GESTIONNAIRE_NAME} » indique :") and "Travail en équipe" in replies[0]


def test_asking_what_to_make_of_a_figure_gives_it_again_without_oui():
    # "c'est beaucoup ?" after the median salary of the opérateur, read as a yes/no question.
    replies, _ = said([("salary", "salary_level")], slots=SALARY_MEDIAN, **{
        PARSE_WEIGHS_THE_LAST_ANSWER: True, "yes_no": True})
    assert replies[0].startswith(f"La fiche « {OPERATEUR_NAME} » indique :") and "1 919" in replies[0]


def test_a_detail_named_settles_two_candidate_topics():
    # "on peut travailler à temps partiel ?": the conditions of work or the job market, and the
    # part-time work its words name, which the sheet does not give.
    replies, _ = said([], jobs=[GESTIONNAIRE], **{
        PARSE_TOPIC_CANDIDATES: ["environment", "labour_market"], PARSE_MENTIONED_DETAILS: ["part_time"]})
    assert replies[0].startswith(f"La fiche « {GESTIONNAIRE_NAME} » ne dit rien sur ")


def test_a_job_the_bot_does_not_know_that_the_sheet_in_focus_cites_is_that_item():
    # "chargé de clientèle pro, c'est possible ?" after the gestionnaire's mobility.
    slots = {SLOT_JOB: GESTIONNAIRE, SLOT_TOPICS: ["mobility"], SLOT_ANSWERED_JOBS: [GESTIONNAIRE]}
    tracker = build_tracker("ask", slots=slots, other_jobs=["chargé de clientèle pro"], parse={PARSE_TOPICS: []})
    reply = plain(texts(run_action(ActionAnswer(), tracker)[0])[0])
    assert reply.startswith(f"La fiche « {GESTIONNAIRE_NAME} » indique : « Chargé de clientèle professionnels »")


def test_a_job_the_bot_does_not_know_named_in_words_of_a_detail_of_the_topic_in_focus_is_that_detail():
    # "devenir conseiller clientèle c'est possible ?" after the gestionnaire's mobility.
    slots = {SLOT_JOB: GESTIONNAIRE, SLOT_TOPICS: ["mobility"], SLOT_ANSWERED_JOBS: [GESTIONNAIRE]}
    tracker = build_tracker("ask", slots=slots, other_jobs=["conseiller clientèle"], parse={
        PARSE_TOPICS: [], PARSE_MENTIONED_DETAILS: ["mob_retail_advisor"], "yes_no": True})
    reply = plain(texts(run_action(ActionAnswer(), tracker)[0])[0])
    assert reply.startswith(f"Oui : la fiche « {GESTIONNAIRE_NAME} » cite « Chargé de clientèle particuliers »")


def test_a_job_the_bot_does_not_know_is_still_unknown_without_a_topic_that_cites_it():
    slots = {SLOT_JOB: GESTIONNAIRE, SLOT_TOPICS: ["salary"], SLOT_ANSWERED_JOBS: [GESTIONNAIRE]}
    tracker = build_tracker("ask", slots=slots, other_jobs=["chargé de clientèle pro"], parse={PARSE_TOPICS: []})
    assert plain(texts(run_action(ActionAnswer(), tracker)[0])[0]).startswith("Je ne connais pas ce métier")


def test_details_named_in_two_candidate_topics_settle_nothing():
    # "accessible en contrat de professionnalisation ?": a pro (an accessible entry) and a detail
    # of the training; no "oui" from the first.
    replies, _ = said([], jobs=[OPERATEUR], **{
        PARSE_TOPIC_CANDIDATES: ["pros", "training"], PARSE_MENTIONED_DETAILS: ["pro_accessible_entry", "apprenticeship"],
        "yes_no": True})
    assert not replies[0].startswith("Oui")


def test_details_named_in_two_candidate_topics_that_the_sheet_lacks_are_said_missing():
    # "le poste est-il adapté aux travailleurs handicapés ?": nothing to choose between.
    replies, _ = said([], jobs=[GESTIONNAIRE], **{
        PARSE_TOPIC_CANDIDATES: ["labour_market", "environment"],
        PARSE_MENTIONED_DETAILS: ["lm_disabled_workers", "disability"], "yes_no": True})
    assert replies[0] == (f"La fiche « {GESTIONNAIRE_NAME} » ne dit rien sur "
                          f"{STORE.details.get('lm_disabled_workers').name}.")


def test_details_named_in_two_candidate_topics_answered_by_the_same_items_take_the_likeliest():
    # "operatrice back office ya du stress": « Pression et stress liés aux délais », a condition
    # of work and a drawback.
    replies, _ = said([], jobs=[OPERATEUR], **{
        PARSE_TOPIC_CANDIDATES: ["environment", "cons"], PARSE_MENTIONED_DETAILS: ["stress_level", "con_deadline_stress"],
        "yes_no": True})
    assert replies[0].startswith(f"Oui : la fiche « {OPERATEUR_NAME} » cite")
    assert "Pression et stress liés aux délais" in replies[0]


def test_a_closed_question_on_a_topic_the_sheet_lacks_takes_the_detail_standing_for_it_not_an_open_one():
    # "ya des possibilités d'évoluer qd on est opératrice ?" / "elle évolue vers quels postes ?"
    mentioned = {PARSE_MENTIONED_DETAILS: ["mob_prospects", "pro_career_prospects"]}
    replies, _ = said([("mobility", "mob_prospects")], jobs=[OPERATEUR], **mentioned, yes_no=True)
    assert replies[0].startswith("Oui") and "Possibilités d'évolution de carrière" in replies[0]
    replies, _ = said([("mobility", None)], jobs=[OPERATEUR], **mentioned)
    assert replies[0].startswith(f"La fiche « {OPERATEUR_NAME} » ne donne aucune information sur la mobilité")


def test_a_closed_question_on_a_precise_detail_of_a_topic_the_sheet_lacks_gets_no_yes_from_a_general_one():
    # "l'opérateur peut-il évoluer vers chargé de clientèle ?": « Possibilités d'évolution de
    # carrière » says nothing of that job.
    mentioned = {PARSE_MENTIONED_DETAILS: ["mob_prospects", "pro_career_prospects", "mob_retail_advisor"]}
    replies, _ = said([("mobility", "mob_retail_advisor")], jobs=[OPERATEUR], **mentioned, yes_no=True)
    assert not any(reply.startswith("Oui") for reply in replies)


def test_another_detail_named_whose_items_are_quoted_does_not_hold_back_the_yes():
    # "le salaire augmente-t-il avec l'expérience ?": the progression, with the experienced salary.
    replies, _ = said([("salary", "salary_progression")], jobs=[OPERATEUR], **{
        PARSE_MENTIONED_DETAILS: ["salary_experienced", "salary_progression"], "yes_no": True})
    assert replies[0].startswith(f"Oui : la fiche « {OPERATEUR_NAME} » cite") and "45 000" in replies[0]


def test_another_detail_named_that_a_quoted_item_answers_too_does_not_hold_back_the_yes():
    # "un bac+2 en comptabilité peut-il prétendre au poste ?": the field is in the Bac+2 quoted.
    replies, _ = said([("training", "bac_plus_2_access")], jobs=[OPERATEUR], **{
        PARSE_MENTIONED_DETAILS: ["bac_plus_2_access", "study_field"], "yes_no": True})
    assert replies[0].startswith(f"Oui : la fiche « {OPERATEUR_NAME} » cite")
    assert "Bac+2 en gestion, comptabilité ou finance" in replies[0]


def test_a_closed_question_on_a_whole_topic_asks_the_detail_its_words_name():
    # "opérateur back office c bien payé ?": the figures, not the salary's whole block.
    replies, _ = said([("salary", None)], jobs=[OPERATEUR], **{PARSE_MENTIONED_DETAILS: ["salary_level"], "yes_no": True})
    assert replies[0].startswith(f"La fiche « {OPERATEUR_NAME} » indique :") and "1 919" in replies[0]


def test_a_closed_question_takes_the_detail_its_words_name_over_the_one_read():
    # "je pourrais devenir opératrice avec un BTS compta ?", read as the other BTS.
    replies, _ = said([("training", "other_bts")], jobs=[OPERATEUR], **{
        PARSE_MENTIONED_DETAILS: ["bts_accounting"], "yes_no": True})
    assert replies[0].startswith(f"Oui : la fiche « {OPERATEUR_NAME} » cite « Bac+2 en gestion, comptabilité ou finance")


@pytest.mark.parametrize("text, yes", [
    ("l'opératrice a un code ROME ?", True), ("le code rome c'est bien C1302 ?", True),
    ("son code ROME c'est C1303 ?", False),
])
def test_a_closed_question_gets_a_yes_only_for_the_figures_the_sheet_gives(text, yes):
    replies, _ = said([("rome_code", "rome_code_itself")], jobs=[OPERATEUR], text=text, **{
        PARSE_MENTIONED_DETAILS: ["rome_code_itself"], "yes_no": True})
    assert replies[0].startswith("Oui") is yes and "C1302" in replies[0]


def test_a_detail_answered_beside_another_of_its_topic_the_sheet_lacks_says_that_one_missing_first():
    # "la formation interne de la banque, elle dure combien de temps ?"
    replies, _ = said([("training", "internal_training")], jobs=[GESTIONNAIRE], **{
        PARSE_MENTIONED_DETAILS: ["internal_training", "training_duration"]})
    assert replies[0] == f"La fiche « {GESTIONNAIRE_NAME} » ne dit rien sur la durée de la formation."
    assert "Bac+1 avec une formation en alternance ou continue interne de la banque" in replies[1]


def test_a_year_of_the_asker_s_story_is_no_figure_to_confirm():
    # "… j'ai une RQTH depuis 2019. … la banque peut me former en interne ?"
    replies, _ = said([("training", "internal_training")], jobs=[GESTIONNAIRE],
                      text="j'ai une RQTH depuis 2019, la banque peut me former en interne ?",
                      **{PARSE_MENTIONED_DETAILS: ["internal_training"], "yes_no": True})
    assert replies[0].startswith(f"Oui : la fiche « {GESTIONNAIRE_NAME} » cite « Bac+1 avec une formation")


@pytest.mark.parametrize("asked, yes", [("lm_women_majority", "Oui"), ("lm_men_majority", "Non")])
def test_whether_women_or_men_are_the_majority_is_answered_by_the_shares(asked, yes):
    # "il y a plus de femmes que d'hommes ?": 57 % of women, deduced from 43 % of men.
    replies, _ = said([("labour_market", asked)], jobs=[OPERATEUR], **{PARSE_MENTIONED_DETAILS: [asked], "yes_no": True})
    assert replies[0].startswith(f"{yes} : la fiche « {OPERATEUR_NAME} » cite")


def test_one_of_two_ways_in_is_no_yes_to_whether_it_is_required():
    # "il faut forcément un bac+2 ou y a un autre moyen ?": the Bac+1 with training is the other.
    replies, _ = said([("training", "bac_plus_2_access")], jobs=[GESTIONNAIRE], **{
        PARSE_MENTIONED_DETAILS: ["bac_plus_2_access"], "yes_no": True, "asks_necessity": True})
    assert not replies[0].startswith("Oui") and "Bac+1 avec une formation" in replies[0]


def test_the_year_of_study_the_asker_tells_is_no_figure_to_confirm():
    # "je suis en L2 éco-gestion… on peut y aller en alternance ?"
    replies, _ = said([("training", "apprenticeship")], jobs=[GESTIONNAIRE],
                      text="je suis en L2, on peut y aller en alternance ?",
                      **{PARSE_MENTIONED_DETAILS: ["apprenticeship"], "yes_no": True})
    assert replies[0].startswith(f"Oui : la fiche « {GESTIONNAIRE_NAME} » cite « Bac+1 avec une formation")


@pytest.mark.parametrize("asked, named", [
    # "on bouge beaucoup ?", "c'est tranquille niveau stress ?", "ça travaille seul dans son coin ?"
    ("moving_around", ["moving_around"]), ("stress_level", ["calm_work", "stress_level"]),
    ("autonomy", ["solo_work"]),
])
def test_a_closed_question_naming_what_the_sheet_contradicts_gets_a_no(asked, named):
    replies, _ = said([("environment", asked)], jobs=[OPERATEUR], **{PARSE_MENTIONED_DETAILS: named, "yes_no": True})
    assert replies[0].startswith(f"Non : la fiche « {OPERATEUR_NAME} » cite")


@pytest.mark.parametrize("necessity, yes", [(False, True), (True, False)])
def test_an_asset_the_sheet_cites_is_a_yes_to_whether_it_helps_not_to_whether_it_is_required(necessity, yes):
    # "une licence pro, c'est un plus ?" / "faut-il une licence pro ?"
    replies, _ = said([("training", "licence_pro_banque")], jobs=[OPERATEUR], **{
        PARSE_MENTIONED_DETAILS: ["licence_pro_banque"], "yes_no": True, "asks_necessity": necessity})
    assert replies[0].startswith("Oui") is yes and "Licence professionnelle métiers de la banque" in replies[0]


def test_a_choice_between_what_the_sheet_says_and_its_contrary_gets_no_non():
    # "il travaille en équipe ou il est tout seul dans son coin ?": the last part closed alone.
    tracker = build_tracker("ask", jobs=[OPERATEUR], parse={
        PARSE_TOPICS: ["environment"], PARSE_ASKS: [{"topic": "environment", "detail": "solo_work", "yes_no": True}],
        PARSE_MENTIONED_DETAILS: ["teamwork", "solo_work"], "yes_no": True, "offers_a_choice": True})
    reply = plain(texts(run_action(ActionAnswer(), tracker)[0])[0])
    assert not reply.startswith("Non") and "Travail en équipe" in reply


def test_a_detail_read_that_no_sheet_answers_gives_way_to_the_one_the_words_name():
    # "cb de semaines de congés on a ?", read as the size of the teams.
    replies, _ = said([("environment", "team_size")], jobs=[OPERATEUR], **{PARSE_MENTIONED_DETAILS: ["paid_leave"]})
    assert replies[0] == f"La fiche « {OPERATEUR_NAME} » ne dit rien sur les congés."


def test_a_question_with_a_part_in_the_negative_gets_the_items_without_a_yes():
    # "on bouge beaucoup, genre on est pas souvent assis ?"
    replies, _ = said([("environment", "sedentary_work")], jobs=[OPERATEUR], **{
        PARSE_MENTIONED_DETAILS: ["sedentary_work"], "yes_no": True, "negated": True})
    assert replies[0].startswith(f"La fiche « {OPERATEUR_NAME} » indique") and "Travail sédentaire" in replies[0]


def test_can_one_progress_is_answered_yes_by_the_mobility():
    replies, _ = said([("mobility", None)], jobs=[GESTIONNAIRE],
                      **{PARSE_MENTIONED_DETAILS: ["mob_prospects"], "yes_no": True})
    assert replies[0].startswith(f"Oui : la fiche « {GESTIONNAIRE_NAME} » cite")
    assert "Chargé de clientèle" in replies[0]


def test_a_follow_up_closed_on_its_own_keeps_its_form_for_the_detail_the_conversation_settles():
    # "c stable comme boulot ?" after the opérateur's pros.
    slots = {SLOT_JOB: OPERATEUR, SLOT_TOPICS: ["pros"], SLOT_ANSWERED_JOBS: [OPERATEUR]}
    tracker = build_tracker("ask", slots=slots, parse={
        PARSE_TOPICS: ["pros"], PARSE_ASKS: [{"topic": "pros", "detail": "pro_job_stability", "yes_no": True}],
        PARSE_MENTIONED_DETAILS: ["pro_job_stability"]})
    reply = plain(texts(run_action(ActionAnswer(), tracker)[0])[0])
    assert reply.startswith(f"Oui : la fiche « {OPERATEUR_NAME} » cite « Stabilité de l'emploi")


def test_a_follow_up_after_a_closed_question_is_closed_too():
    # "et chef d'équipe ?" after "chargé de clientèle pro, c'est possible ?".
    slots = {SLOT_JOB: GESTIONNAIRE, SLOT_TOPICS: ["mobility"], SLOT_DETAILS: ["mob_business_advisor"],
             SLOT_ANSWERED_JOBS: [GESTIONNAIRE]}
    history = [{"event": "user", "text": "chargé de clientèle pro c possible ?",
                "parse_data": {"intent": {"name": "ask"}, "yes_no": True}}]
    tracker = build_tracker("ask", slots=slots, history=history, parse={
        PARSE_TOPICS: ["mobility"], PARSE_ASKS: [{"topic": "mobility", "detail": "mob_team_leader"}],
        PARSE_ELLIPSIS: True, PARSE_MENTIONED_DETAILS: ["mob_team_leader"]})
    reply = plain(texts(run_action(ActionAnswer(), tracker)[0])[0])
    assert reply.startswith(f"Oui : la fiche « {GESTIONNAIRE_NAME} » cite « Responsable / animateur")
    # "et ensuite vers quoi ?" asks openly.
    tracker = build_tracker("ask", slots=slots, history=history, parse={
        PARSE_TOPICS: ["mobility"], PARSE_ASKS: [{"topic": "mobility", "detail": "mob_team_leader"}],
        PARSE_ELLIPSIS: True, PARSE_ASKS_OPENLY: True, PARSE_MENTIONED_DETAILS: ["mob_team_leader"]})
    assert not plain(texts(run_action(ActionAnswer(), tracker)[0])[0]).startswith("Oui")


def test_a_follow_up_naming_a_detail_of_the_topic_in_focus_is_no_comparison():
    # "et le plus haut ?" after the opérateur's mean salary, read as a comparison.
    replies, _ = said([("salary", "salary_max")], slots=SALARY_MEDIAN, intent="compare", **{
        PARSE_ELLIPSIS: True, PARSE_MENTIONED_DETAILS: ["salary_max"]})
    assert replies[0].startswith(f"La fiche « {OPERATEUR_NAME} » indique :") and "2 917" in replies[0]


def test_asking_for_more_after_a_detail_gets_the_whole_topic():
    # "c'est tout ?" after the median salary of the opérateur.
    replies, slots = said([], slots=SALARY_MEDIAN, **{PARSE_ASKS_FOR_MORE: True})
    assert replies[0].startswith(f"{OPERATEUR_NAME} — Salaire") and not slots[SLOT_DETAILS]


def test_a_topic_word_standing_for_a_detail_the_sheet_answers_gets_it_not_nothing():
    # "il faut être à l'aise en informatique ?": no digital skills on the opérateur's sheet, but
    # « Maîtrise des outils informatiques » among its skills.
    tracker = build_tracker("ask", jobs=[OPERATEUR], topics=["digital_skills"], parse={
        PARSE_TOPICS: ["digital_skills"], PARSE_ASKS: [{"topic": "digital_skills", "detail": None}],
        PARSE_MENTIONED_DETAILS: ["it_tools_mastery"]})
    messages, _ = run_action(ActionAnswer(), tracker)
    assert "Maîtrise des outils informatiques" in plain(texts(messages)[0])
    assert "ne donne aucune information" not in plain(texts(messages)[0])


def test_a_follow_up_naming_another_topic_asks_that_topic():
    # "et les inconvénients ?": its topic word, not the salary model's reading.
    tracker = build_tracker("ask", slots=SALARY_MEDIAN, topics=["cons"], parse={
        PARSE_TOPICS: ["cons"], PARSE_ASKS: [{"topic": "cons", "detail": None}], PARSE_ELLIPSIS: True,
        PARSE_DETAIL_READINGS: {"salary": "salary_max"}})
    messages, _ = run_action(ActionAnswer(), tracker)
    assert plain(messages[0]["text"]).startswith(f"{OPERATEUR_NAME} — Inconvénients")


def test_naming_only_the_other_job_asks_the_last_question_again_detail_included():
    # "et pour le gestionnaire ?" after the median salary of the opérateur.
    replies, slots = said([("description", None)], jobs=[GESTIONNAIRE], slots=SALARY_MEDIAN,
                          **{PARSE_ELLIPSIS: True, PARSE_ONLY_A_JOB: True})
    assert replies[0] == f"La fiche « {GESTIONNAIRE_NAME} » ne dit rien sur le salaire médian."
    assert slots[SLOT_JOB] == GESTIONNAIRE


def test_l_autre_is_the_job_other_than_the_one_in_focus():
    slots = {SLOT_JOB: GESTIONNAIRE, SLOT_TOPICS: ["training"], SLOT_ANSWERED_JOBS: [GESTIONNAIRE]}
    replies, new_slots = said([], slots=slots, **{PARSE_ELLIPSIS: True, PARSE_THE_OTHER_JOB: True})
    assert replies[0].startswith(f"{OPERATEUR_NAME} — Formation") and new_slots[SLOT_JOB] == OPERATEUR


def test_le_second_metier_is_the_other_job_not_the_second_of_a_list():
    # "et pour le second métier ?" after the opérateur's training (the second of the sheets).
    slots = {SLOT_JOB: OPERATEUR, SLOT_TOPICS: ["training"], SLOT_ANSWERED_JOBS: [OPERATEUR]}
    tracker = build_tracker("inform", slots=slots, ranks=["2"], parse={
        PARSE_ELLIPSIS: True, PARSE_ONLY_A_JOB: True, PARSE_THE_OTHER_JOB: True})
    messages, _ = run_action(ActionAnswer(), tracker)
    assert plain(texts(messages)[0]).startswith(f"{GESTIONNAIRE_NAME} — Formation")


def test_a_closed_question_asked_again_openly_gets_no_yes():
    # "et pour le gestionnaire, on attend quoi ?" after "opératrice, faut être bon en info ?".
    slots = {SLOT_JOB: OPERATEUR, SLOT_TOPICS: ["skills"], SLOT_DETAILS: ["it_tools_mastery"],
             SLOT_ANSWERED_JOBS: [OPERATEUR]}
    history = [{"event": "user", "text": "faut être bon en info ?",
                "parse_data": {"intent": {"name": "ask"}, "yes_no": True, PARSE_MENTIONED_DETAILS: ["it_tools_mastery"]}}]
    tracker = build_tracker("inform", jobs=[GESTIONNAIRE], slots=slots, history=history, parse={
        PARSE_ONLY_A_JOB: True, PARSE_ASKS_OPENLY: True})
    reply = plain(texts(run_action(ActionAnswer(), tracker)[0])[0])
    assert GESTIONNAIRE_NAME in reply and not reply.startswith("Oui")


@pytest.mark.parametrize("forged", [
    [{"topic": "salaire", "detail": None}], [{"topic": "salary", "detail": "english_level"}], ["salary"],
    [{"topic": {"x": 1}}], "salary", [{"topic": "salary", "detail": "x" * 5000, "alternatives": {"a": 1}}],
])
def test_forged_asks_are_left_out_or_read_as_their_topic_alone(forged):
    asks = parse_asks(forged)
    assert all(ask.detail is None for ask in asks)
    assert asks in ([], [Ask(Topic.SALARY)])


def test_a_question_between_topics_one_of_which_the_conversation_was_on_takes_that_one():
    # "et l'opérateur, dans quel cadre exerce-t-il ?" after the gestionnaire's conditions of work.
    slots = {SLOT_JOB: GESTIONNAIRE, SLOT_TOPICS: ["environment"], SLOT_ANSWERED_JOBS: [GESTIONNAIRE]}
    replies, _ = said([], jobs=[OPERATEUR], slots=slots, **{PARSE_TOPIC_CANDIDATES: ["sector", "environment"]})
    assert replies[0].startswith(f"{OPERATEUR_NAME} — Conditions de travail")
    replies, _ = said([], jobs=[OPERATEUR], **{PARSE_TOPIC_CANDIDATES: ["sector", "environment"]})
    assert replies[0].startswith("Je ne suis pas sûr de comprendre")


@pytest.mark.parametrize("likelihoods, expected", [
    # "et l'opérateur, il lui faut quel niveau ?" after the gestionnaire's training.
    ({"digital_skills": 0.40, "training": 0.29}, f"{OPERATEUR_NAME} — Formation"),
    # "et l'opérateur, il gagne combien ?": another topic, clearly.
    ({"salary": 0.90, "training": 0.05}, f"{OPERATEUR_NAME} — Salaire"),
])
def test_a_question_going_on_with_another_job_stays_on_the_topic_nearly_as_likely(likelihoods, expected):
    slots = {SLOT_JOB: GESTIONNAIRE, SLOT_TOPICS: ["training"], SLOT_ANSWERED_JOBS: [GESTIONNAIRE]}
    read = max(likelihoods, key=likelihoods.get)
    replies, _ = said([(read, None)], jobs=[OPERATEUR], slots=slots, **{
        PARSE_GOES_ON: True,
        PARSE_TOPIC_RANKING: [{"name": name, "confidence": value} for name, value in likelihoods.items()]})
    assert replies[0].startswith(expected)


def test_a_detail_the_words_name_is_not_traded_for_one_they_do_not():
    # "c'est quoi les horaires en général ?", read as the overtime, unsure: not « Soutien à la
    # clientèle », the first reading the sheet answers.
    tracker = build_tracker("ask", jobs=[OPERATEUR], parse={
        PARSE_TOPICS: ["environment"],
        PARSE_ASKS: [{"topic": "environment", "detail": "overtime", "alternatives": [
            "flexible_hours", "working_hours", "remote_work", "customer_contact"]}],
        PARSE_MENTIONED_DETAILS: ["overtime", "working_hours"]})
    reply = plain(texts(run_action(ActionAnswer(), tracker)[0])[0])
    assert reply == f"La fiche « {OPERATEUR_NAME} » ne dit rien sur {STORE.details.get('overtime').name}."


def test_a_detail_the_words_name_that_a_sheet_lacks_takes_the_closest_reading_it_answers():
    # "faut un master pour être gestionnaire BO ?": its levels of study.
    tracker = build_tracker("ask", jobs=[GESTIONNAIRE], parse={
        PARSE_TOPICS: ["training"],
        PARSE_ASKS: [{"topic": "training", "detail": "master_finance", "alternatives": ["study_level"], "yes_no": True}],
        PARSE_MENTIONED_DETAILS: ["master_finance"], "yes_no": True})
    reply = plain(texts(run_action(ActionAnswer(), tracker)[0])[0])
    assert reply.startswith(f"La fiche « {GESTIONNAIRE_NAME} » indique") and "Bac+1" in reply


def test_a_closed_question_naming_a_detail_the_sheet_affirms_beside_a_list_takes_it():
    # "une opératrice peut-elle exercer en dehors de la banque, dans l'assurance par exemple ?"
    replies, _ = said([("sector", "employer_types")], jobs=[OPERATEUR], **{
        PARSE_MENTIONED_DETAILS: ["employer_types", "insurance_sector"], "yes_no": True})
    assert replies[0].startswith(f"Oui : la fiche « {OPERATEUR_NAME} » cite") and "Assurance" in replies[0]


@pytest.mark.parametrize("typed, title", [
    ("technicien de back office", "Technicien de back-office"),
    ("chargé de recouvrement", "Chargé de recouvrement ou de précontentieux"),
])
def test_a_job_title_named_in_a_closed_question_after_the_job_titles_is_confirmed(typed, title):
    # "technicien de back office, ça en fait partie ?" after the gestionnaire's job titles.
    slots = {SLOT_JOB: GESTIONNAIRE, SLOT_TOPICS: ["job_titles"], SLOT_ANSWERED_JOBS: [GESTIONNAIRE]}
    text = f"{typed}, ça en fait partie ?"
    tracker = build_tracker("ask", slots=slots, text=text, entities=[
        {"entity": "job", "value": GESTIONNAIRE, "start": 0, "end": len(typed)}], parse={
        PARSE_TOPICS: ["pros"], "yes_no": True})
    reply = plain(texts(run_action(ActionAnswer(), tracker)[0])[0])
    assert reply.startswith(f"Oui : la fiche « {GESTIONNAIRE_NAME} » cite « {title}")


def test_a_job_title_named_after_another_topic_asks_that_topic():
    slots = {SLOT_JOB: GESTIONNAIRE, SLOT_TOPICS: ["salary"], SLOT_ANSWERED_JOBS: [GESTIONNAIRE]}
    tracker = build_tracker("ask", slots=slots, text="technicien de back office, ça recrute ?", entities=[
        {"entity": "job", "value": GESTIONNAIRE, "start": 0, "end": 25}], parse={
        PARSE_TOPICS: ["labour_market"], "yes_no": True})
    reply = plain(texts(run_action(ActionAnswer(), tracker)[0])[0])
    assert not reply.startswith("Oui")
