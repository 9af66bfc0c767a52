"""Agenda rules added for wire copy: "dominate", "aimed at ...ing", "a solution to", "concerned
about", shared-head pairs and generic labels; topics are noun phrases (a goal verb gives its
object; torn labels and clauses are dropped). Sentences of our own."""
import pytest


def _agenda(stages, text):
    st = stages("Envoy arrives for talks\n\n" + text, until="agenda")
    return [i.text.replace("\n", " ") for i in st.agenda]


@pytest.mark.parametrize("text, expected", [
    # "X, Y and Z were expected to come up": a list whose first item runs to seven words
    ("Officials said the remaining trade barriers on grain and beef, the detention of a writer and "
     "navy manoeuvres near the coast were expected to come up.",
     ["remaining trade barriers on grain and beef", "detention of a writer", "navy manoeuvres near the coast"]),
    ("The minister is expected to come up with a plan for the port.", []),
    # a negotiation's state on each matter
    ("Negotiators ended a fifth round of talks on Friday without closing gaps on car tariffs and farm quotas, "
     "officials said.", ["car tariffs", "farm quotas"]),
    ("She said progress had been made on port fees and rules of origin.", ["port fees", "rules of origin"]),
    ("The gap in living standards is wide.", []),
    # a relative clause between commas inside the list: the list goes on after it
    ("The leaders discussed the grain deal, which Lima quit in July, the river dams and the supply of gas to "
     "Chile, a spokesman told reporters.", ["grain deal", "river dams", "supply of gas to Chile"]),
    ("The leaders discussed the grain deal, which expires in May, and agreed to meet again.", ["grain deal"]),
    ("The president received the envoy on Monday, with grain quotas and the fight against piracy at the top "
     "of the agenda.", ["grain quotas", "fight against piracy"]),
    # "A and ways to B" is two items; "particularly in the fields of X, Y and Z" names the fields
    ("During the meeting, the two leaders discussed bilateral relations and ways to advance their fishing "
     "partnership, particularly in the fields of grain, ports and energy.",
     ["bilateral relations", "fishing partnership", "grain", "ports", "energy"]),
    # a coordination of topics before "dominate": "and" does not end the subject there
    ("Tense fishing relations and concern about port fees are expected to dominate the talks tomorrow.",
     ["Tense fishing relations", "port fees"]),
    # a goal hung on the event noun with an -ing verb
    ("The minister sets out on a mission aimed at easing the long quarrel over grain tariffs.",
     ["easing the long quarrel over grain tariffs"]),
    # "a solution to X" in a sentence about the trip
    ("The minister ended his tour with little support for a solution to his country's debt crisis.",
     ["country's debt crisis"]),
    # "concerned about"; "the pace and scope of X" is one topic, not "pace" and "scope of X"
    ("After the talks she said Lima was concerned about the pace and scope of the dam project.",
     ["pace and scope of the dam project"]),
    # a long label is not cut before the "of" of "the flow of ...": the matter follows it
    ("Her focus will be on stemming the flow of banned pesticides from the north to farms in the south.",
     ["stemming the flow of banned pesticides"]),
    # a list announced by a colon after a topic word; the serial comma keeps "A and B" whole
    ("The ministers agreed the pact would rest on three pillars: the pooling of grain reserves, "
     "joint port security, and talks between the northern and southern leagues.",
     ["pooling of grain reserves", "joint port security", "talks between the northern and southern leagues"]),
    ("A, B and C still split without a serial comma: they will discuss ports, roads and fishing.",
     ["ports", "roads", "fishing"]),
    # generic words only: no topic named
    ("Officials urged Oslo to play a constructive role, the minister said.", []),
    ("They will discuss ways to produce tangible results.", []),
    ("The trip is meant to address outstanding bilateral issues, officials said.", []),
    ("The trip is meant to address outstanding fishing quotas, officials said.", ["outstanding fishing quotas"]),
    # a topic is a noun phrase: a bare goal verb gives its object, even coordinated
    ("The envoy will press Lima to reduce and remove duties on wool.", ["duties on wool"]),
    ("They will discuss how to end the quarrel over river dams.", ["quarrel over river dams"]),
    # a list of four is four items, after "areas such as"
    ("The visit will strengthen ties in areas such as fisheries, ports, tourism and mines.",
     ["fisheries", "ports", "tourism", "mines"]),
    # "issues related to X and Y"
    ("Issues related to water rights and grazing land have slowed the talks.", ["water rights", "grazing land"]),
    # "a discussion between X on A, B and C"; a two-letter acronym is a topic
    ('She expects a "frank discussion" between the two envoys on fishing, the EU and port fees.',
     ["fishing", "EU", "port fees"]),
    ("The minister will broach grain quotas on Friday.", ["grain quotas"]),
    # an absolute "with X, Y and Z topping the agenda": a list of three
    ("Envoys met in Lima on Thursday, with fishing quotas, port fees and river dams topping the agenda.",
     ["fishing quotas", "port fees", "river dams"]),
    # the visit's goal "to push for X": X; a third party's "pushed for" is not the visit's matter
    ("The envoy will travel to Lima next week to push for a truce in the north and the release of prisoners.",
     ["truce in the north", "release of prisoners"]),
    # an acronym in brackets after a name is part of it, not the end of the list
    ("They will hold talks on the Pacific Ports Corridor (PPC), port fees and river dams.",
     ["Pacific Ports Corridor (PPC)", "port fees", "river dams"]),
    # what an agreement covers is its matter
    ("The agreement covers fishing rights, port fees and river dams, officials said.",
     ["fishing rights", "port fees", "river dams"]),
    # a time limit is no part of the topic
    ("The ministers will discuss border crossings within two months.", ["border crossings"]),
    # a passive frame with "also" before "expected to be"
    ("The fate of a detained Peruvian writer is also expected to be raised.", ["fate of a detained Peruvian writer"]),
    # "pressed X over Y": Y is the matter
    ("The envoy pressed Lima over its fishing quotas and its ties with Chile.", ["fishing quotas", "ties with Chile"]),
    # after "to", a verb that is never a noun gives its object, never a verb phrase
    ('The envoy urged Lima to "avoid protectionism".', ["protectionism"]),
    ("They agreed to keep the border crossings open.", ["border crossings"]),
    ('The envoy urged governments to "get serious" before the summit.', []),
    # "address" an audience is a speech, not a topic
    ("The prime minister will also address the Peruvian diaspora at an event in Lima.", []),
    ("She will address both houses of parliament on Friday.", []),
    # a partitive head keeps its matter: "the first tranche of X", not "first tranche"
    ("The two sides hope to finalise the first tranche of a fishing agreement.",
     ["first tranche of a fishing agreement"]),
    # a lower-case title before the speaker's name is a reporting tail too
    ("They will discuss grain quotas, port fees and river dams, foreign secretary Ann Roe told reporters.",
     ["grain quotas", "port fees", "river dams"]),
    # an inverted frame with a reporting aside before its verb
    ("The focus of her visit, aides said, is the grain dispute and the future of a stalled port pact.",
     ["grain dispute", "future of a stalled port pact"]),
    ("The priority of the talks, officials say, will be fishing quotas.", ["fishing quotas"]),
    # a reporting tail whose speaker is a common noun ends the list, not the list's first comma
    ("They will also discuss grain quotas, port fees and the river dams, a spokesperson said.",
     ["grain quotas", "port fees", "river dams"]),
    ("The envoys will discuss fishing rights, ferry links and port fees, the senior official told reporters.",
     ["fishing rights", "ferry links", "port fees"]),
    # never a torn clause or a verb phrase
    ("They will discuss how we can build on these ties.", []),
    ("The two ministers discussed ways to campaign aggressively.", []),
    ("The envoys raised took note of the plan.", []),
])
def test_agenda_rules(stages, text, expected):
    assert _agenda(stages, text) == expected


def test_bulleted_heads_are_topics(stages):
    text = ("Officials will meet in Lima this week.\n\n"
            "\u2022 Fishing quotas. The two sides have argued over the catch for years.\n\n"
            "\u2022 Port fees. Shippers say the fees have doubled.\n\n"
            "The talks end on Friday.")
    got = _agenda(stages, text)
    assert "Fishing quotas" in got and "Port fees" in got


def test_bullets_after_including_and_lists_inside_a_bullet(stages):
    text = ("Officials will meet in Lima this week.\n\nThe two ministers discussed a wide range of issues, "
            "including:\n\n\u2022 Regional port security;\n\n\u2022 Fishing quotas, grain tariffs, and river "
            "dams;\n\n\u2022 Ferry links.\n\nThe talks end on Friday.")
    got = _agenda(stages, text)
    assert {"Regional port security", "Fishing quotas", "grain tariffs", "river dams", "Ferry links"} <= set(got)


def test_bullets_after_agreed_to(stages):
    text = ("Officials met in Lima on Monday.\n\nThe two sides agreed to:\n\n- expand joint patrols in the "
            "northern waters;\n\n- reopen the border crossing at Tacna.\n\nThe talks end on Friday.")
    got = _agenda(stages, text)
    assert {"joint patrols in the northern waters", "border crossing at Tacna"} <= set(got)


def test_a_lone_bullet_is_not_a_list(stages):
    text = "Officials will meet in Lima this week.\n\n\u2022 Fishing quotas. The two sides argued.\n\nThe talks end."
    assert "Fishing quotas" not in _agenda(stages, text)


@pytest.mark.parametrize("text", [
    "The ministers will discuss the venue, officials said.",
    "The leaders agreed on further meetings.",
])
def test_logistics_and_idioms_are_not_topics(stages, text):
    assert _agenda(stages, text) == []


@pytest.mark.parametrize("text, expected", [
    # ", and <finite verb>" starts a new predicate: the list before it has ended
    ("The envoy urged Lima to end the raids, and expressed concern over the fishing dispute.",
     ["raids", "fishing dispute"]),
    # a verb that is never a noun makes a clause ("Ana and Ben meet", "X and engage in Y")
    ("Tariffs will be discussed when Ana Ruiz and Ben Kole meet in Lima.", ["Tariffs"]),
    ("She urged the rebels to stop the shelling and engage in talks on a truce.", ["shelling", "truce"]),
    # a quotation mark without its pair: torn out of a headline or quotation
    ("Kole urges Lima to 'do something' more, while the envoy will discuss grain quotas.",
     ["grain quotas"]),
    # "what ..." opens a clause, not a topic
    ("The sticking point is the question of what reactor work Lima may do.", ["reactor work"]),
    # a participle that modifies a noun is no reporting verb
    ("She raised the continued violence in the border provinces.", ["continued violence in the border provinces"]),
    # a frame noun around the matter goes: "the touchy subject of X", "the situation in X"
    ("The envoys will broach grain prices, including the touchy subject of the fishing pact in "
     "which they take opposite views.", ["grain prices", "fishing pact"]),
    ("They discussed the situation in Gondor and the importance of the river treaty.",
     ["Gondor", "river treaty"]),
    # time words only: no matter named
    ("Ministers were seriously concerned over recent and ongoing developments.", []),
    # a goal whose verb needs its subject keeps its owner; an owner's phrase shares no head
    ("Talks will cover trade and Gondor's bid to join the river council.",
     ["trade", "Gondor's bid to join the river council"]),
])
def test_torn_labels_and_frame_nouns(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "leaders to discuss X": only a list trigger ("countries including") names group members
    ("The queen will meet farm leaders to discuss grain quotas and river tolls.", ["grain quotas", "river tolls"]),
    ("Several nations including Gondor and Rohan sent envoys to the summit.", []),
    # a list of gerund items goes on past ", advancing ...": no participial clause
    ("He will discuss port fees, as well as deterring raids from the hills, advancing farm rights, "
     "and ensuring river safety.",
     ["port fees", "deterring raids from the hills", "advancing farm rights", "ensuring river safety"]),
    # adjectives sharing one head stay with it; generic heads shared by adjectives stay one item
    ("She will discuss means for expanding regional economic and naval cooperation.",
     ["expanding regional economic and naval cooperation"]),
    ("She will discuss a range of bilateral, regional, and global issues.", []),
    # a label ends on its noun, not on a participle before the cut ("achievements negotiated [by]")
    ("They raised the farm and fishing achievements negotiated by the two envoys in May.",
     ["farm and fishing achievements"]),
])
def test_lists_and_gerunds(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    # readout frames
    ("The two ministers exchanged views on river safety and grain prices.", ["river safety", "grain prices"]),
    ("The sticking points were the pace of troop cuts and the fate of the dam.",
     ["pace of troop cuts", "fate of the dam"]),
    ("The talks will also touch on fishing rights.", ["fishing rights"]),
    ("Grain quotas and the border survey are likely topics on the agenda.", ["Grain quotas", "border survey"]),
    ("Fishing rights topped the agenda.", ["Fishing rights"]),
    # "singling out" lists topics only after a topic cue in its sentence
    ("He addressed threats to the region, singling out the situations in Gondor, Rohan and Mordor.",
     ["threats to the region", "Gondor", "Rohan", "Mordor"]),
    ("The rebels singled out Gondor as their first target.", []),
    # one-word conjuncts share the next one's head; "such issues as" starts a phrase of its own
    ("They exchanged views on peace and security issues and river traffic.",
     ["peace and security issues", "river traffic"]),
    ("She backed Lima's stance on the question of Gondor and such issues as grain quotas.",
     ["Gondor", "grain quotas"]),
    # the matter is the goal, not the opportunity
    ("They exchanged views about the historic opportunity to chart a new course for Gondor.",
     ["new course for Gondor"]),
    # one topic read twice, in either word order, is one item
    ("They discussed regional and global developments, and later discussed global and regional developments.",
     ["regional and global developments"]),
    # "the main topic will be X" names X; a topic or issue that is the subject of a verb names nothing
    ("\"The main topic will be the air defence and long-range capabilities,\" Roe told reporters.",
     ["air defence", "long-range capabilities"]),
    ("The key topics will be trade and energy.", ["trade", "energy"]),
    ("The topic was not raised.", []),
    ("Their approach to the issue is widely seen as soft.", []),
    ("The main issue is security and the other is trade.", ["security"]),
])
def test_readout_frames(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name run counts as one word when a label is measured
    ("The sticking points were the timetable for lifting United Nations Security Council curbs on Gondor.",
     ["timetable for lifting United Nations Security Council curbs on Gondor"]),
    # an embedded question asks about its noun phrase
    # "between A and B" is a pair, not two topics
    ("They discussed cooperation between Gondor and Rohan on grain.",
     ["cooperation between Gondor and Rohan on grain"]),
    # what an event stirs up is no topic raised; neither is what nobody discussed
    ("The collapse of the talks raised the prospect of a border war.", []),
    ("There was no discussion of grain quotas, an official said.", []),
    # the object of "prevent X from" is an actor, not the matter
    ("The envoys seek a deal to prevent Gondor from building dams.", []),
    ("The envoys seek a deal to stop foreign trawlers from entering the bay.",
     ["foreign trawlers from entering the bay"]),
    # an attribute is no topic: "issues of global importance"
    ("They discussed issues of global importance.", []),
])
def test_labels_measured_and_negated(stages, text, expected):
    assert _agenda(stages, text) == expected


def test_quoted_event_title_names_its_topics(stages):
    # "a “Dialogue on A, B and C”": the title of a session lists what it is about
    got = _agenda(stages, "The envoy will give a speech at a \u201cDialogue on Grain, Water and Rivers.\u201d")
    assert got == ["Grain", "Water", "Rivers"]
    # a name that merely contains "on" stays a name
    assert _agenda(stages, "Both joined the General Agreement on Tariffs and Trade in 1990.") == []


def test_concerns_possessives_and_page_dates(stages):
    # "raised concerns about X": X is the topic
    assert _agenda(stages, "The queen raised ongoing concerns about river tolls.") == ["river tolls"]
    # a participle after a possessive is an adjective, not a reporting verb
    assert _agenda(stages, "They met to discuss Gondor's continued support and river tolls.") == [
        "Gondor's continued support", "river tolls"]
    # a bullet that carries the page's date is no topic heading
    got = _agenda(stages, "\u2022 Last updated: 14 May 2020\n\n\u2022 Published: 13 May 2020\n\nThe envoy arrived.")
    assert got == []


@pytest.mark.parametrize("text, expected", [
    # "when it comes to X": a topical frame; places named there are topics, not group members
    ("The envoys want his backing when it comes to the raids in Peru, Chile and Bolivia.",
     ["raids in Peru", "Chile", "Bolivia"]),
    ("The queen will discuss Peru, Chile and Bolivia.", ["Peru", "Chile", "Bolivia"]),
    ("Leaders of states such as Peru, Chile and Bolivia attended.", []),
    # "will address X"; a reduced relative with "not" ends the label
    ("The pact will address river tolls and grain quotas not covered in older pacts.",
     ["river tolls", "grain quotas"]),
])
def test_topic_frames_with_places(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("She will raise Gondor's bid for EU membership although talks have stalled.", ["Gondor's bid for EU membership"]),
    ("The envoy raised river tolls and human rights more broadly.", ["river tolls", "human rights"]),
    ("The two sides agreed to hold off on further tariff increases.", ["tariff increases"]),
    ("He will urge Lima to put its farm subsidies on the table.", ["farm subsidies"]),
    # "address" with an audience means a speech, not a topic
    ("Officials said a request for the queen to address Parliament was under review.", []),
    ("The king will address reporters after he meets the envoy.", []),
    ("The pact will also address grain quotas.", ["grain quotas"]),
])
def test_more_torn_labels_and_audiences(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    # plural event nouns frame topics too; ", and pledging to ..." is a new predicate
    ("The king left after signing agreements on grain storage and river dredging, and pledging to deepen "
     "ties.", ["grain storage", "river dredging"]),
    # a gerund list keeps its last item
    ("They will discuss boosting grain exports, and ensuring the safety of river barges.",
     ["boosting grain exports", "ensuring the safety of river barges"]),
    # the subject of "top the agenda" after "where" is a coordination
    ("Next month he goes to Lima, where grain and shipping are expected to top the agenda.",
     ["grain", "shipping"]),
    ("They seek a deal to reopen the main border crossing.", ["main border crossing"]),
])
def test_predicates_and_subjects(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    # senses of "raise" and "discuss" that name no topic
    ("The senator, who raised $5 million last year, will travel to Lima.", []),
    ("She raised her glass at the state dinner.", []),
    ("Critics say she wants to raise her profile.", []),
    ("The much-discussed trip begins on Monday.", []),
    ("As discussed earlier, the envoy will arrive on Monday.", []),
    ("The envoy declined to discuss her plans for next year.", []),
    # people are not topics, even after a topic cue
    ("She will discuss grain quotas with officials including the trade commissioner and two members of "
     "the farm lobby.", ["grain quotas"]),
    ("Finance Minister Ana Ruiz spoke on Monday. The queen demanded Ana Ruiz delay her budget speech.", []),
    # "talks in X on" a day or a month: a date follows, no topic list (it gave a torn "ethanol quotas");
    # "on Tuesday on energy" still has one
    ("Negotiators wrapped up talks in Brussels on Friday without agreeing on beef and ethanol quotas.", []),
    ("The ministers held talks in Lima on March 3 after a long delay.", []),
    ("The ministers held talks on Tuesday on energy.", ["energy"]),
])
def test_no_topic_senses(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Among the issues on the table are grain tariffs, river tolls and the fate of the dam.",
     ["grain tariffs", "river tolls", "fate of the dam"]),
    ("Topping the agenda will be Gondor's reactor program.", ["Gondor's reactor program"]),
    ("The meeting will be dominated by the crisis in Rohan.", ["crisis in Rohan"]),
    ("Grain disputes dominated the talks.", ["Grain disputes"]),
    ("Issues to be discussed include river tolls and migration.", ["river tolls", "migration"]),
    ("The two kings will hold talks on a range of issues, from grain to river tolls.", ["grain", "river tolls"]),
    ("They exchanged views on bilateral ties and regional and international issues of common concern.",
     ["bilateral ties"]),
])
def test_inverted_frames(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The grain levy will also be discussed by the two kings.", ["grain levy"]),
    ("Lima's river toll is not up for renegotiation at the summit, the envoy said.", ["Lima's river toll"]),
    ("Border patrols and river tolls, including the levy on barges, are expected to top the agenda.",
     ["Border patrols", "river tolls"]),
])
def test_passive_frames(stages, text, expected):
    assert sorted(_agenda(stages, text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    ("The talks would cover other issues, including the queen's desire to eliminate grain levies.",
     ["grain levies"]),
    ("Both leaders want to add momentum toward fully restoring ties, and discussed grain quotas.",
     ["grain quotas"]),
    ("The sticking points were that the patrols are few in number.", []),
])
def test_goals_behind_possessors(stages, text, expected):
    assert _agenda(stages, text) == expected


def test_no_event_no_agenda(stages):
    # an article that reports no visit, summit or talks gets no topics: they would dress it up as one
    text = ("Farm prices rise again\n\nGrain prices rose for a third month, driven by drought. Traders "
            "discussed river tolls and port fees, which add to the cost of barges.")
    st = stages(text, until="agenda")
    assert st.event.kind is None
    assert st.agenda == ()


@pytest.mark.parametrize("text, expected", [
    ("The kings are due to sign deals worth $10 billion, covering grain, mining and shipping.",
     ["grain", "mining", "shipping"]),
    ("The two sides will also discuss a possible visit by the queen to Lima later this year.",
     ["visit by the queen to Lima"]),
    ("Issues such as river tolls, he said, will be raised.", ["river tolls"]),
])
def test_items_and_tails(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "one of the priorities ... will be X", a short quotation naming the topic
    ('She said one of the priorities of the summit will be "stopping raids on river barges."',
     ["stopping raids on river barges"]),
    # a long quotation after a cue is speech, not a topic's name
    ('He expects the envoys to discuss "a broad, well-ordered and, above all, practical plan for both the '
     'river league and the hill clans".', []),
])
def test_priorities_and_quoted_topics(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On grain tariffs, the envoy said his country would not yield.", ["grain tariffs"]),
    ("On Monday, the envoy met the queen.", []),
    ("On the sidelines of the summit, the envoy met the queen.", []),
    ("On the business side of the visit, the envoy met bankers.", []),
])
def test_fronted_topic(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "supply" ends in -ly but is no adverb; a purpose clause ends the label
    ("Both sides agreed to strengthen supply chains and port links to facilitate recovery.",
     ["supply chains", "port links"]),
    # ... unless the infinitive is the noun's content
    ("They discussed a framework to eliminate the border mines.", ["framework to eliminate the border mines"]),
    # a negotiating team's goal counts like the visit's
    ("The trade team had also wanted to secure greater patent protection.", ["greater patent protection"]),
])
def test_goals_and_purpose_clauses(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an object of "of" coordinated with one more noun stays with it
    ("They discussed purchases of grain goods and services.", ["purchases of grain goods and services"]),
    # "its implementation" refers back: no topic of its own
    ("They met to discuss the river pact and its implementation.", ["river pact"]),
    # bare generic nouns name no matter
    ("The envoy will press Lima to open its markets and other policies.", []),
])
def test_of_objects_and_anaphors(stages, text, expected):
    assert _agenda(stages, text) == expected


def test_fronted_topic_needs_a_stance(stages):
    assert _agenda(stages, "On the border, troops dug new trenches.") == []
    assert _agenda(stages, "On river tolls, the two kings agreed to meet again.") == ["river tolls"]


def test_no_topic_from_crowds_or_majorities(stages):
    assert _agenda(stages, "The parliament, dominated by the ruling party, passed the bill.") == []
    assert _agenda(stages, "Police tackled protesters outside the venue.") == []
    assert _agenda(stages, "The talks were dominated by grain tariffs.") == ["grain tariffs"]


@pytest.mark.parametrize("text, expected", [
    # an absolute "with A, B and C expected to dominate": the commas are the list's own
    ("The queen hosts the envoy on Friday, with river tolls, grain and the war in Rohan expected to "
     "dominate their talks.", ["river tolls", "grain", "war in Rohan"]),
    # a date opening a label goes; an abbreviation's dot ends no label
    ("They are likely to discuss the Jan. 8 riots in Lima.", ["riots in Lima"]),
])
def test_absolute_subjects_and_dates(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("They will deepen cooperation in such areas as grain, roads, energy and farming, and properly "
     "handle river disputes.", ["grain", "roads", "energy", "farming"]),
    ("The two kings agreed to resume a broad dialogue covering raids, river tolls and the dam.",
     ["raids", "river tolls", "dam"]),
    ("Critics said he failed to secure any commitment.", []),
])
def test_dialogue_covering_and_adverb_predicates(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The two sides agreed to work together closely.", []),
    ("They agreed to hold another round of talks in May.", []),
    ("He discussed the visit with reporters on the plane.", []),
    ("The sides agreed to set up a working group on river tolls.", ["working group"]),
    ("The kings agreed to launch talks on a grain pact.", ["grain pact"]),
    ("They are expected to discuss a timeline for the withdrawal of troops, including a possible date.",
     ["timeline for the withdrawal of troops"]),
    # talks about talks are topics: "accession talks with Lima"
    ("Ministers will discuss opening accession talks with Lima.", ["opening accession talks with Lima"]),
])
def test_event_logistics(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The talks will focus on three issues: border patrols, water sharing and grain.",
     ["border patrols", "water sharing", "grain"]),
    ("The agenda - grain, migration and the war in Rohan - was set weeks ago.", ["grain", "migration", "war in Rohan"]),
    ("A host of issues - untouched by officials in Lima or Quito for decades - will be on the table.", []),
    ("Ministers will discuss everything from fishing quotas to visa rules.", ["fishing quotas", "visa rules"]),
    ("He wants a free market in everything from computer services to construction.", []),
    ("The envoy pressed Lima on its grain levies and on river tolls in the north.",
     ["grain levies", "river tolls in the north"]),
])
def test_lists_after_colons_dashes_and_ranges(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Climate finance will feature prominently.", ["Climate finance"]),
    ("Grain tariffs are also on the table.", ["Grain tariffs"]),
    ("The focus of the visit will be river security.", ["river security"]),
    ("Discussions revolved around grain and the border.", ["grain", "border"]),
    ("The summit will feature a state dinner.", []),
    ("Everything is on the table.", []),
])
def test_feature_table_focus_frames(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the counterpart after a list is no part of its last item
    ("The chancellor is expected to discuss grain quotas, the river dam and supplies of copper with Moreno.",
     ["grain quotas", "river dam", "supplies of copper"]),
    ("The envoy will raise port fees and fishing rights with him.", ["port fees", "fishing rights"]),
    # ... but "relations with X" names the matter
    ("They will discuss port fees and relations with Peru.", ["port fees", "relations with Peru"]),
    # two names share no head: two items
    ("The ministers also discussed Chile and North Korea.", ["Chile", "North Korea"]),
    ("They discussed oil and gas extraction.", ["oil and gas extraction"]),
    # "opportunities to expand X": the matter is X
    ("They discussed opportunities to expand grain trade.", ["grain trade"]),
])
def test_counterparts_names_and_goal_frames(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The two presidents met in Lima on Monday. The talks covered:\n\n- Trade in copper\n- Border security\n"
     "- Migration\n\nThey also dined together.", ["Trade in copper", "Border security", "Migration"]),
    ("The ministers discussed:\n\n\u2022 expanding the bloc,\n\u2022 a ceasefire in the valley, and\n"
     "\u2022 reform of the council.\n\nThey left.", ["expanding the bloc", "ceasefire in the valley", "reform of the council"]),
    # a list after a sentence that names no topic cue is not the agenda
    ("The delegation included:\n\n- Three ministers\n- Two governors\n\nThey left.", []),
])
def test_bulleted_list_after_a_topic_cue(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a verb that is also a noun, before its noun's preposition, is the noun
    ("They were also due to discuss the grain budget and support for Lima, an adviser said.",
     ["grain budget", "support for Lima"]),
    # what the sides disagree on names the issue
    ("The two leaders sought to patch up differences over port fees and fishing quotas.",
     ["port fees", "fishing quotas"]),
])
def test_noun_senses_and_differences(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The envoy's trip is meant to ease decades of tension over fishing, river water and airspace.",
     ["fishing", "river water", "airspace"]),
    ("The two leaders agreed to upgrade the command structures of their fleets.",
     ["command structures of their fleets"]),
])
def test_dispute_frames_and_goal_verbs(stages, text, expected):
    assert _agenda(stages, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The ministers compared notes on grain exports and fertilizer prices.", ["grain exports", "fertilizer prices"]),
    ("Talks centred around port access and fishing rights.", ["port access", "fishing rights"]),
    ("The leaders also spoke about energy links and climate finance.", ["energy links", "climate finance"]),
    # one speaker talking is no talks
    ("He spoke about his childhood in Lima.", []),
    # the object came first: what follows is a clause, not a topic
    ("The minister said the ideas they talked about can be taken up by the council.", []),
])
def test_readout_verbs(stages, text, expected):
    assert _agenda(stages, text) == expected
