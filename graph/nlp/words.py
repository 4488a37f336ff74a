"""Plain word sets the rules use, one data file each under ontology/patterns/entities/ (the
header of each file says what it is for). Read once, at import, from the default directory."""
from __future__ import annotations

from graph.nlp.lexicon import read_list


SAYS = set(read_list("reporting_verbs.txt"))  # may follow an organisation head noun ("the X union said")
SPEECH = set(read_list("speech_verbs.txt"))  # attribute a quotation to its speaker ('" ...," said X')
MONTHS = set(read_list("months.txt"))
WEEKDAYS = set(read_list("weekdays.txt"))
QUOTES = set(read_list("quote_marks.txt"))
# after "a/an ACRONYM": the acronym is the noun of its phrase ("an SFO may be committed"), no modifier
AFTER_NOUN = set(read_list("acronym_noun_followers.txt"))
OWNERS = set(read_list("possessive_determiners.txt"))  # "its X account"
ADJ_ENDINGS = tuple(read_list("adjective_endings.txt"))  # no tagger in the cheap pipeline
AWARD_PARTICIPLES = set(read_list("award_participles.txt"))  # "X-starred", "X-winning"
IN_COMPANY = set(read_list("company_stake_words.txt"))  # "a stake in Acme": a company, not a place
NOT_AFTER_OUTLET = set(read_list("not_after_outlet.txt"))  # "the Herald candidate"
TEAM_PEOPLE_CUES = set(read_list("team_people_cues.txt"))  # "Quill's supporters": no club cue
LIFE_DATE_WORDS = set(read_list("life_date_words.txt"))  # "Quill (born 1963)"
KIND_ADJECTIVES = set(read_list("kind_adjectives.txt"))  # "a leading Software House"
SENTENCE_START_TITLES = set(read_list("sentence_start_titles.txt"))  # "MP says no."
