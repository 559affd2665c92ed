#!/usr/bin/env python3
"""Writes rules/cues.toml from the verb list below (the team's own list of English reporting,
belief and intention verbs). Run it after editing the list; the TOML is what the build reads."""
import sys

IRREGULAR = {
    "say": ("says", "said", "said", "saying"), "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"), "think": ("thinks", "thought", "thought", "thinking"),
    "know": ("knows", "knew", "known", "knowing"), "see": ("sees", "saw", "seen", "seeing"),
    "hear": ("hears", "heard", "heard", "hearing"), "feel": ("feels", "felt", "felt", "feeling"),
    "find": ("finds", "found", "found", "finding"), "show": ("shows", "showed", "shown", "showing"),
    "understand": ("understands", "understood", "understood", "understanding"),
    "read": ("reads", "read", "read", "reading"), "learn": ("learns", "learned", "learned", "learning"),
    "swear": ("swears", "swore", "sworn", "swearing"), "foresee": ("foresees", "foresaw", "foreseen", "foreseeing"),
    "forecast": ("forecasts", "forecast", "forecast", "forecasting"), "speak": ("speaks", "spoke", "spoken", "speaking"),
    "mean": ("means", "meant", "meant", "meaning"), "admit": ("admits", "admitted", "admitted", "admitting"),
    "commit": ("commits", "committed", "committed", "committing"), "regret": ("regrets", "regretted", "regretted", "regretting"),
    "plan": ("plans", "planned", "planned", "planning"), "quip": ("quips", "quipped", "quipped", "quipping"),
    "refer": ("refers", "referred", "referred", "referring"), "concur": ("concurs", "concurred", "concurred", "concurring"),
    "rebut": ("rebuts", "rebutted", "rebutted", "rebutting"), "submit": ("submits", "submitted", "submitted", "submitting"),
    "forbid": ("forbids", "forbade", "forbidden", "forbidding"), "bet": ("bets", "bet", "bet", "betting"), "beg": ("begs", "begged", "begged", "begging"), "blame": ("blames", "blamed", "blamed", "blaming"),
    "slam": ("slams", "slammed", "slammed", "slamming"), "rebuke": ("rebukes", "rebuked", "rebuked", "rebuking"),
    "fault": ("faults", "faulted", "faulted", "faulting"), "rail": ("rails", "railed", "railed", "railing"),
    "prefer": ("prefers", "preferred", "preferred", "preferring"), "spell": ("spells", "spelled", "spelt", "spelling"),
    "speak": ("speaks", "spoke", "spoken", "speaking"), "weigh": ("weighs", "weighed", "weighed", "weighing"),
    "lash": ("lashes", "lashed", "lashed", "lashing"), "berate": ("berates", "berated", "berated", "berating"),
    "fret": ("frets", "fretted", "fretted", "fretting"), "brag": ("brags", "bragged", "bragged", "bragging"),
    "signal": ("signals", "signaled", "signalled", "signaling"), "cancel": ("cancels", "canceled", "cancelled", "canceling"),
    "take": ("takes", "took", "taken", "taking"), "break": ("breaks", "broke", "broken", "breaking"),
    "side": ("sides", "sided", "sided", "siding"), "vote": ("votes", "voted", "voted", "voting"),
    "make": ("makes", "made", "made", "making"), "go": ("goes", "went", "gone", "going"), "sign": ("signs", "signed", "signed", "signing"),
}

def inflect(v):
    if v in IRREGULAR:
        return tuple(dict.fromkeys((v,) + IRREGULAR[v]))
    if v.endswith("e"):
        ing = v[:-1] + "ing"; past = v + "d"
    elif v.endswith("y") and v[-2] not in "aeiou":
        ing = v + "ing"; past = v[:-1] + "ied"
    else:
        ing = v + "ing"; past = v + "ed"
    if v.endswith(("s", "sh", "ch", "x", "z")):
        third = v + "es"
    elif v.endswith("y") and v[-2] not in "aeiou":
        third = v[:-1] + "ies"
    else:
        third = v + "s"
    return tuple(dict.fromkeys((v, third, past, ing)))

# verb, class, tags, example
# tags: that = takes a clause complement; quote = introduces quotations; inverted = "…, said X";
#       object = takes a person object before the clause ("told reporters that");
#       to = an infinitive complement counts as the content ("plans to resign");
#       denial = the verb itself denies; weak = needs "that", a colon or a quotation to count.
VERBS = [
    ("say", "speech", "that quote inverted", "The minister said the plan would fail."),
    ("tell", "speech", "that quote inverted object to", "She told reporters that the talks had collapsed."),
    ("add", "speech", "that quote inverted", "The company added that profits would rise."),
    ("note", "speech", "that quote inverted", "The report noted that exports fell sharply."),
    ("explain", "speech", "that quote inverted", "He explained that the bridge was unsafe."),
    ("write", "speech", "that quote inverted", "The columnist wrote that the vote was rigged."),
    ("tweet", "speech", "that quote inverted", "The senator tweeted that the bill was dead."),
    ("post", "speech", "that quote weak", "The mayor posted that schools would close."),
    ("state", "speech", "that quote weak", "The agency stated that no one was hurt."),
    ("claim", "speech", "that quote inverted", "The group claimed that the election was stolen."),
    ("argue", "speech", "that quote inverted", "Critics argued that the law was too broad."),
    ("insist", "speech", "that quote inverted", "The coach insisted that the team was ready."),
    ("deny", "speech", "that denial", "The company denied that it had sold user data."),
    ("reject", "speech", "denial weak", "The ministry rejected claims that it had lied."),
    ("warn", "speech", "that quote inverted object to", "Experts warned that prices would climb."),
    ("accuse", "speech", "weak object", "The party accused the mayor of lying."),
    ("allege", "speech", "that quote", "Prosecutors alleged that the firm hid losses."),
    ("announce", "speech", "that quote inverted", "The firm announced that it would cut jobs."),
    ("confirm", "speech", "that quote inverted", "Police confirmed that two people had died."),
    ("acknowledge", "speech", "that quote inverted", "The bank acknowledged that errors were made."),
    ("report", "speech", "that quote inverted", "The newspaper reported that talks had stalled."),
    ("reveal", "speech", "that quote", "The audit revealed that funds were missing."),
    ("suggest", "speech", "that quote inverted", "The study suggested that the drug works."),
    ("declare", "speech", "that quote inverted", "The governor declared that the crisis was over."),
    ("assert", "speech", "that quote inverted", "The lawyer asserted that her client was innocent."),
    ("maintain", "speech", "that weak", "He maintained that he had done nothing wrong."),
    ("contend", "speech", "that quote inverted", "Officials contend that the fence works."),
    ("stress", "speech", "that quote inverted", "The doctor stressed that the risk was small."),
    ("emphasize", "speech", "that quote inverted", "She emphasized that the deal was not final."),
    ("emphasise", "speech", "that quote inverted", "She emphasised that the deal was not final."),
    ("respond", "speech", "that quote inverted", "The campaign responded that the ad was accurate."),
    ("reply", "speech", "that quote inverted", "The minister replied that the figures were wrong."),
    ("answer", "speech", "that quote inverted weak", "He answered that he did not know."),
    ("comment", "speech", "that quote inverted", "One analyst commented that the market was nervous."),
    ("remark", "speech", "that quote inverted", "The judge remarked that the case was unusual."),
    ("observe", "speech", "that quote inverted", "The author observed that crime had fallen."),
    ("recall", "speech", "that quote inverted weak", "The veteran recalled that the camp was freezing."),
    ("concede", "speech", "that quote inverted", "The coach conceded that the team played badly."),
    ("admit", "speech", "that quote inverted", "The CEO admitted that mistakes were made."),
    ("complain", "speech", "that quote inverted", "Residents complained that the water smelled."),
    ("predict", "speech", "that quote inverted", "Analysts predicted that rates would rise."),
    ("promise", "speech", "that quote to object", "The president promised that taxes would fall."),
    ("pledge", "speech", "that quote to", "The party pledged to cut taxes."),
    ("vow", "speech", "that quote to", "The rebels vowed to fight on."),
    ("urge", "speech", "weak object to", "The union urged members to reject the offer."),
    ("ask", "speech", "quote inverted weak object to", "“Why now?” asked the senator."),
    ("testify", "speech", "that quote", "The witness testified that she saw the car."),
    ("inform", "speech", "that object", "The embassy informed citizens that flights were cancelled."),
    ("assure", "speech", "that quote object", "The bank assured clients that deposits were safe."),
    ("caution", "speech", "that quote inverted", "Economists cautioned that growth could slow."),
    ("estimate", "speech", "that", "The agency estimated that 300 people died."),
    ("conclude", "speech", "that quote inverted", "The inquiry concluded that the pilot erred."),
    ("disclose", "speech", "that", "The filing disclosed that the firm lost money."),
    ("indicate", "perception", "that", "The data indicated that sales were slowing."),
    ("mention", "speech", "that weak", "She mentioned that the office had moved."),
    ("charge", "speech", "that weak", "Critics charged that the plan favours the rich."),
    ("counter", "speech", "that quote inverted", "The mayor countered that crime was down."),
    ("boast", "speech", "that quote inverted", "The coach boasted that nobody could beat them."),
    ("brag", "speech", "that quote inverted", "He bragged that he had won easily."),
    ("joke", "speech", "that quote inverted", "The host joked that the guests were late."),
    ("quip", "speech", "that quote inverted", "“Not again,” quipped the referee."),
    ("proclaim", "speech", "that quote inverted", "The leader proclaimed that victory was near."),
    ("reiterate", "speech", "that quote inverted", "The ministry reiterated that it had no plans to act."),
    ("repeat", "speech", "that weak", "He repeated that he would not resign."),
    ("continue", "speech", "quote inverted weak", "“We will rebuild,” she continued."),
    ("speculate", "speech", "that quote", "Traders speculated that the bank would act."),
    ("hint", "speech", "that", "The minister hinted that a deal was near."),
    ("imply", "speech", "that", "The memo implied that staff would be cut."),
    ("signal", "speech", "that", "The central bank signalled that rates would stay low."),
    ("affirm", "speech", "that quote", "The court affirmed that the law was valid."),
    ("reaffirm", "speech", "that quote", "The alliance reaffirmed that it stands united."),
    ("agree", "belief", "that to", "Most experts agree that the climate is warming."),
    ("disagree", "belief", "that weak", "Some economists disagree that the recession is over."),
    ("dispute", "speech", "that denial", "The firm disputed that it owed any tax."),
    ("refute", "speech", "denial weak", "The scientist refuted claims that the data was faked."),
    ("contradict", "speech", "denial weak", "The footage contradicted claims that police were attacked."),
    ("protest", "speech", "that quote", "Workers protested that the pay was too low."),
    ("object", "speech", "that weak", "Neighbours objected that the tower was too tall."),
    ("demand", "speech", "that quote", "Protesters demanded that the mayor resign."),
    ("request", "speech", "that weak", "The lawyers requested that the trial be delayed."),
    ("exclaim", "speech", "quote inverted", "“We did it!” exclaimed the captain."),
    ("shout", "speech", "quote inverted", "“Stop!” shouted the officer."),
    ("whisper", "speech", "quote inverted", "“Quiet,” whispered the guide."),
    ("retort", "speech", "that quote inverted", "“That is absurd,” retorted the minister."),
    ("muse", "speech", "that quote inverted", "“Perhaps it was luck,” mused the coach."),
    ("opine", "speech", "that quote inverted", "The editorial opined that the plan was doomed."),
    ("lament", "speech", "that quote inverted", "The farmer lamented that rain never came."),
    ("complain", "speech", "that quote inverted", "Users complained that the app crashed."),
    ("grumble", "speech", "that quote inverted", "Fans grumbled that tickets cost too much."),
    ("scoff", "speech", "quote inverted weak", "“Nonsense,” scoffed the senator."),
    ("concur", "belief", "that", "The doctors concurred that surgery was needed."),
    ("publish", "speech", "weak", "The journal published findings that the drug is safe."),
    ("find", "speech", "that", "The study found that sleep improves memory."),
    ("show", "perception", "that", "Polls show that the race is tight."),
    ("determine", "speech", "that", "Investigators determined that the fire was arson."),
    ("rule", "speech", "that", "The court ruled that the ban was unlawful."),
    ("decide", "speech", "that to weak", "The board decided that the school would close."),
    ("conclude", "speech", "that", "The panel concluded that the drug was safe."),
    ("caution", "speech", "that", "Experts cautioned that the data were thin."),
    ("believe", "belief", "that", "Investigators believe that the fire was deliberate."),
    ("think", "belief", "that", "Many voters think that the economy is weak."),
    ("feel", "belief", "that weak", "Residents feel that the city has ignored them."),
    ("consider", "belief", "that weak", "The White House considers this a threat."),
    ("suspect", "belief", "that", "Police suspect that the fire was set on purpose."),
    ("doubt", "belief", "that", "Analysts doubt that the deal will hold."),
    ("assume", "belief", "that", "Officials assumed that the dam would hold."),
    ("reckon", "belief", "that", "Traders reckon that prices will rise."),
    ("know", "belief", "that", "The voters know that the race is close."),
    ("understand", "belief", "that weak", "Officials understand that the plan was dropped."),
    ("realize", "belief", "that", "The team realized that the data were wrong."),
    ("realise", "belief", "that", "The team realised that the data were wrong."),
    ("worry", "belief", "that", "Parents worry that schools are unsafe."),
    ("fear", "belief", "that", "Farmers fear that the drought will last."),
    ("hope", "belief", "that to", "Organisers hope that the rain stops."),
    ("expect", "belief", "that to", "Economists expect that inflation will ease."),
    ("wish", "belief", "that to weak", "Many wish that the war would end."),
    ("want", "belief", "to", "The union wants to renegotiate the contract."),
    ("plan", "belief", "to", "The company plans to open ten stores."),
    ("intend", "belief", "that to", "The government intends to raise taxes."),
    ("anticipate", "belief", "that", "Officials anticipate that turnout will be high."),
    ("recognize", "belief", "that", "The report recognized that progress was slow."),
    ("recognise", "belief", "that", "The report recognised that progress was slow."),
    ("imagine", "belief", "that weak", "Few imagined that the party would win."),
    ("figure", "belief", "that weak", "Investors figured that the bank would act."),
    ("guess", "belief", "that weak", "I guess that the answer is no."),
    ("learn", "perception", "that", "Reporters learned that the plant had closed."),
    ("hear", "perception", "that weak", "Staff heard that the office would close."),
    ("see", "perception", "that weak", "Investors see that growth is slowing."),
    ("notice", "perception", "that", "Doctors noticed that cases were rising."),
    ("discover", "perception", "that", "Auditors discovered that money was missing."),
    ("seek", "belief", "to weak", "The council seeks to ban cars downtown."),
    ("encourage", "speech", "object to weak", "The coach encouraged players to speak out."),
    ("order", "speech", "object to weak", "The judge ordered the firm to pay damages."),
    ("advise", "speech", "object to that weak", "Doctors advised patients to stay indoors."),
    ("invite", "speech", "object to weak", "The mayor invited residents to comment."),
    ("remind", "speech", "object to that weak", "The teacher reminded parents that school starts early."),
    ("persuade", "speech", "object to weak", "Aides persuaded the senator to run."),
    ("implore", "speech", "object to weak", "Doctors implored the public to get vaccinated."),
    ("beg", "speech", "object to weak", "The family begged officials to release the video."),
    ("direct", "speech", "object to weak", "The president directed agencies to review the rules."),
    ("instruct", "speech", "object to weak quote inverted", "The judge instructed jurors to ignore the remark."),
    ("threaten", "speech", "to", "The union threatened to strike."),
    ("refuse", "speech", "to", "The mayor refused to resign."),
    ("decline", "speech", "to weak", "The company declined to comment."),
    ("offer", "speech", "to weak", "The firm offered to settle."),
    ("propose", "speech", "that to", "The senator proposed that the tax be cut."),
    ("recommend", "speech", "that", "The panel recommended that the drug be approved."),
    ("swear", "speech", "that to", "He swore that he was innocent."),
    ("forecast", "speech", "that", "Meteorologists forecast that storms will hit."),
    ("project", "speech", "that weak", "Analysts project that sales will double."),
    ("calculate", "speech", "that", "Researchers calculated that costs would triple."),
    ("acknowledge", "speech", "that", "The firm acknowledged that it erred."),
    ("prove", "perception", "that", "The tests proved that the water was safe."),
    ("verify", "speech", "that weak", "The agency verified that the votes were counted."),
    ("guarantee", "speech", "that", "The bank guaranteed that deposits were safe."),
    ("react", "speech", "quote inverted weak", "“This is false,” the spokesperson reacted."),
]

# Verbs of stance whose object is the content: "X endorsed Clinton", "X condemned the test".
NP_VERBS = """endorse condemn criticize criticise praise describe accuse denounce support oppose blame question defend welcome
dismiss mock slam blast attack thank cite discuss mention reject promote propose recommend label
liken characterize portray challenge applaud hail laud lambaste chide scold rebuke decry deplore celebrate
demand request seek express tout highlight emphasize stress advocate champion condone excoriate ridicule berate
commend congratulate disparage belittle insult threaten pressure examine investigate call describe admire predict announce
reveal acknowledge confirm deny dispute promise pledge vow invoke suggest imply favor favour prefer
fear doubt blast consider view regard explain echo wonder ponder""".split()

PHRASES = [
    ("talk about", "speech", "np", "The senator talked about the economy."),
    ("speak about", "speech", "np", "She spoke about her childhood."),
    ("speak of", "speech", "np", "He spoke of a new era."),
    ("speak out against", "speech", "np", "The bishop spoke out against the war."),
    ("complain about", "speech", "np", "Residents complained about the noise."),
    ("worry about", "belief", "np", "Parents worry about school safety."),
    ("warn of", "speech", "np", "Experts warned of a recession."),
    ("warn about", "speech", "np", "Doctors warned about the risks."),
    ("warn against", "speech", "np", "The minister warned against complacency."),
    ("ask about", "speech", "np", "Reporters asked about the deal."),
    ("ask for", "speech", "np", "The mayor asked for patience."),
    ("argue for", "speech", "np", "Economists argued for lower rates."),
    ("argue against", "speech", "np", "The union argued against the merger."),
    ("call for", "speech", "np", "Protesters called for his resignation."),
    ("call on", "speech", "np", "The senator called on the president to resign."),
    ("push for", "speech", "np", "Advocates pushed for new rules."),
    ("advocate for", "speech", "np", "She advocated for paid leave."),
    ("point to", "speech", "np", "Supporters point to falling crime."),
    ("refer to", "speech", "np", "He referred to the scandal."),
    ("lash out at", "speech", "np", "The candidate lashed out at the media."),
    ("rail against", "speech", "np", "The governor railed against the tax."),
    ("take aim at", "speech", "np", "The ad took aim at the senator."),
    ("weigh in on", "speech", "np", "The president weighed in on the dispute."),
    ("comment on", "speech", "np", "The company declined to comment on the report."),
    ("respond to", "speech", "np", "The ministry responded to the criticism."),
    ("react to", "speech", "np", "Markets reacted to the news."),
    ("insist on", "speech", "np", "The lawyers insisted on a delay."),
    ("rule against", "speech", "np", "The court ruled against the ban."),
    ("rule in favor of", "speech", "np", "The court ruled in favor of the city."),
    ("vote against", "speech", "np", "The senator voted against the bill."),
    ("vote for", "speech", "np", "The senator voted for the bill."),
    ("agree with", "belief", "np", "Most economists agreed with the forecast."),
    ("disagree with", "belief", "np", "The governor disagreed with the ruling."),
    ("side with", "belief", "np", "The judge sided with the workers."),
    ("break with", "speech", "np", "The senator broke with his party on trade."),
    ("boast about", "speech", "np", "He boasted about his wealth."),
    ("brag about", "speech", "np", "He bragged about his ratings."),
    ("joke about", "speech", "np", "The host joked about the weather."),
    ("write about", "speech", "np", "She wrote about her illness."),
    ("testify about", "speech", "np", "The director testified about the breach."),
    ("object to", "speech", "np", "Neighbours objected to the tower."),
    ("apologize for", "speech", "np", "The company apologized for the outage."),
    ("point out", "speech", "that quote inverted", "The lawyer pointed out that the law was new."),
    ("make clear", "speech", "that", "The minister made clear that no deal was possible."),
    ("make it clear", "speech", "that", "The minister made it clear that no deal was possible."),
    ("go on to say", "speech", "that", "She went on to say that the plan would fail."),
    ("take issue with", "speech", "denial weak", "The firm took issue with the report."),
]
# Fixed multi-word cues, not inflected.
FIXED = [
    ("is quoted as saying", "speech", "that quote", "The general is quoted as saying that the war was lost."),
    ("was quoted as saying", "speech", "that quote", "The general was quoted as saying that the war was lost."),
    ("were quoted as saying", "speech", "that quote", "The officials were quoted as saying that the war was lost."),
    ("is expected to", "belief", "to", "The bill is expected to pass."),
    ("are expected to", "belief", "to", "The talks are expected to resume."),
    ("was expected to", "belief", "to", "The vote was expected to be close."),
    ("it is alleged that", "speech", "that", "It is alleged that the firm hid losses."),
    ("it was alleged that", "speech", "that", "It was alleged that the firm hid losses."),
    ("it is reported that", "speech", "that", "It is reported that the firm hid losses."),
    ("it was reported that", "speech", "that", "It was reported that the firm hid losses."),
]

def toml_list(xs):
    return "[" + ", ".join('"%s"' % x.replace('"', '\\"') for x in xs) + "]"

out = ["# Reporting cues: verbs of speech, belief, intention and perception in every inflection.",
       "# Written by the ClaimLens team from general English usage (CC0). Generated by",
       "# scripts/gen_cues.py; edit the list there and re-run it.",
       "# tags: that = takes a clause complement; quote = introduces quotations; inverted = appears",
       "# as \"…, said X\"; object = takes a person object before the clause; to = an infinitive",
       "# complement counts as content; denial = the verb itself denies; weak = needs \"that\", a",
       "# colon or a quotation after it to count.", ""]
for v in NP_VERBS:
    if not any(x[0] == v for x in VERBS):
        VERBS.append((v, "speech", "np", "The senator %s the plan." % inflect(v)[2]))
seen = set()
for verb, cls, tags, ex in VERBS:
    if verb in seen:
        continue
    seen.add(verb)
    if verb in NP_VERBS and "np" not in tags.split():
        tags = tags + " np"
    out += ["[[entry]]", "name = \"%s\"" % verb, "forms = " + toml_list(inflect(verb)), "class = \"%s\"" % cls,
            "tags = " + toml_list(tags.split()), "examples = " + toml_list([ex]), ""]
for phrase, cls, tags, ex in PHRASES + FIXED:
    head, _, rest = phrase.partition(" ")
    forms = [f + " " + rest for f in inflect(head)] if (phrase, cls, tags, ex) in PHRASES else [phrase]
    out += ["[[entry]]", "name = \"%s\"" % phrase, "forms = " + toml_list(forms), "class = \"%s\"" % cls,
            "tags = " + toml_list(tags.split() + ["phrase"]), "examples = " + toml_list([ex]), ""]
open(sys.argv[1] if len(sys.argv) > 1 else "rules/cues.toml", "w").write("\n".join(out))
