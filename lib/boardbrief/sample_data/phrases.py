"""Phrase banks for feedback comments: what SEND families, young people and professionals say.

Every sentence in a theme's bank contains at least one of that theme's phrases in themes.py, and
the neutral banks (openers, consequences, asks, uncoded remarks) contain none, so the share of
comments the codebook codes is set by the generator rather than by accident (tests check both).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ThemeBank:
    """Sentences for one theme, by voice, plus asks that follow naturally from them."""

    parent: tuple[str, ...]
    young_person: tuple[str, ...]
    professional: tuple[str, ...]
    asks: tuple[str, ...] = ()


# Slots: {child} {Child} {he} {He} {him} {his} {His} {duration} {weeks} {months} {calls} {distance}
# {schools} {town} {hours} {wait} {since} {later} {age}.
THEME_BANKS: dict[str, ThemeBank] = {
    "ehcp_delays": ThemeBank(
        parent=(
            "We applied for an EHC needs assessment {duration} ago and we're still waiting for a "
            "decision.",
            "{Child}'s EHCP was meant to be finalised within 20 weeks. We're now at week {weeks}.",
            "The draft plan arrived {duration} late and half of it was about someone else's child.",
            "We were refused a needs assessment twice before the school backed us.",
            "Nobody could tell me where {child}'s EHCP was up to, it just sits in a queue.",
            "The 20-week deadline means nothing to anyone, we've been waiting {duration}.",
            "{Child} finally has an EHCP but it took {duration} and {he} lost a whole year of "
            "learning.",
            "We got the final plan last month after {duration}, and the provision in section F "
            "is so vague it's useless.",
            "The educational psychologist saw {him} in March but the draft plan still hasn't come.",
            "I've been told the needs assessment is 'with panel' and has been for {duration}.",
            "This time the EHCP came through in about 22 weeks, still over the 20 weeks but much "
            "better than before.",
            "We had to chase the EHC plan every single week to get it issued at all.",
        ),
        young_person=(
            "I've been waiting for my EHCP for ages and nobody tells me anything.",
            "My EHCP still says I like Peppa Pig and I'm {age}.",
            "Nobody asked me what I wanted in my EHC plan.",
        ),
        professional=(
            "Families on my caseload are routinely waiting beyond 20 weeks for a final plan.",
            "Requests for an EHC needs assessment from our school take months just to get a "
            "decision to assess.",
            "The quality of the draft plans we see has got better but the timeliness hasn't.",
        ),
        asks=(
            "Please just give us a realistic date for the EHCP.",
            "Someone needs to be accountable when the 20 weeks are up.",
            "All I want is the EHCP finished before {he} moves up.",
        ),
    ),
    "assessment_waits": ThemeBank(
        parent=(
            "{Child} has been on the autism assessment waiting list for {duration}.",
            "We were told the wait for an ADHD assessment is {wait}, and we can't afford to go "
            "private.",
            "Without a diagnosis school won't put anything in place, even though everyone agrees "
            "{he} is autistic.",
            "The neurodevelopmental referral was bounced back twice because a form was missing.",
            "We've seen the paediatrician once in {duration} and were told to wait for the ASD "
            "team.",
            "{Child} was finally diagnosed last month after {duration} of waiting.",
            "We paid for a private ADHD assessment and then the GP wouldn't accept the diagnosis.",
            "{His} ADHD medication review has been cancelled three times.",
            "A diagnosis shouldn't be the ticket to help, but in practice it is.",
            "The autism assessment waiting list in {town} seems to be longer than anywhere else.",
        ),
        young_person=(
            "I waited three years for my autism assessment. Knowing earlier would have helped so "
            "much.",
            "I've been on the ADHD waiting list since Year 8.",
            "I only got my diagnosis in Year 11, after my exams were basically over.",
        ),
        professional=(
            "Referrals into the neurodevelopmental pathway have doubled and the waits show it.",
            "We are supporting children for years while they wait for an autism diagnosis.",
            "The community paediatrics waiting list is now the bottleneck for everything else.",
        ),
        asks=(
            "Please support children while they wait for a diagnosis, not after.",
            "Can families at least be told where they are on the ADHD list?",
        ),
    ),
    "therapy_waits": ThemeBank(
        parent=(
            "{Child} has been waiting {duration} for speech and language therapy.",
            "The SALT programme is a sheet of paper sent to school and nobody actually does it.",
            "{His} plan says weekly speech and language therapy and {he} has had two sessions "
            "this year.",
            "We've waited {duration} for an occupational therapy assessment for {his} sensory "
            "needs.",
            "The physio discharged {him} after six sessions and {he}'s gone backwards.",
            "We were told the OT waiting list is closed to new referrals.",
            "We ended up paying for private speech therapy at sixty pounds a session.",
            "The therapist we had was lovely but left, and we're back at the bottom of the list.",
            "There's no physiotherapy in the school holidays so {he} stiffens up every summer.",
            "Speech and language therapy in {town} seems to be a waiting list and a leaflet.",
        ),
        young_person=(
            "I had speech therapy when I was little but nothing since I went to secondary.",
            "My physio is the only person who really gets what my body needs.",
        ),
        professional=(
            "Therapy waits in our area are over a year for speech and language.",
            "We have children with therapy written into their plans that simply isn't being "
            "delivered.",
            "Occupational therapy advice arrives months after the child has moved on.",
        ),
        asks=(
            "Therapy needs to happen in school, not just be a report.",
            "Please tell us how long the speech and language list really is.",
        ),
    ),
    "communication": ThemeBank(
        parent=(
            "I've left {calls} messages with the SEND team and not one phone call returned.",
            "We never feel listened to. Decisions are made about {child} without us.",
            "The whole process is bewildering and nobody explains anything.",
            "Every time I ring I get a different caseworker and have to start again.",
            "My emails go unanswered for weeks at a time.",
            "I spend hours chasing people just to find out what's happening.",
            "I found out about the panel decision from school. Not one phone call from the "
            "council.",
            "Professionals talk over me in meetings as if I'm not there. I'm not listened to.",
            "We've had four different caseworkers in a year.",
            "Letters arrive with the wrong name on them and there's no response when I point it "
            "out.",
            "Honestly we feel bewildered by who decides what.",
        ),
        young_person=(
            "Nobody asks me what I think, they only talk to my mum. I'm never listened to.",
            "I wish people listened to me instead of just reading my file.",
            "Adults have meetings about me and I'm not even told they happened, never mind "
            "listened to.",
        ),
        professional=(
            "Parents tell us they feel bewildered by the process and I can see why.",
            "Communication between health and the SEND team still relies on me chasing by email "
            "and phone calls.",
            "Families are not kept informed about where their case is up to.",
        ),
        asks=(
            "Just return phone calls, that's all we ask.",
            "Please give every family a named caseworker who stays.",
        ),
    ),
    "school_places": ThemeBank(
        parent=(
            "We've been told there are no special school places within {distance} miles.",
            "{Child} has been without a school place since {since}.",
            "Mainstream can't meet {his} needs but the special school is full.",
            "The council consulted {schools} schools and every one said they couldn't meet {his} "
            "needs, so there's still no school place.",
            "The named school in {his} plan is a {distance}-mile drive away.",
            "We waited until August to find out which school {he} was starting at in September, "
            "and it was mainstream again.",
            "{He} is at home with no school place and a tutor for {hours} hours a week.",
            "The new resourced provision in {town} is a real step forward, but it's already full.",
            "There is no specialist place anywhere near {town} for a child like {child}.",
        ),
        young_person=(
            "I had to leave my mainstream school and I still don't know where I'm going next.",
            "I got a place at the special school and it's the first time I've liked school.",
        ),
        professional=(
            "Sufficiency of specialist places is the biggest issue we face in this district.",
            "We are holding children in mainstream who are waiting for a specialist place.",
        ),
        asks=(
            "Build more special school places near where families actually live.",
            "Please plan school places years ahead, not in August.",
        ),
    ),
    "transport": ThemeBank(
        parent=(
            "The taxi didn't turn up for the first week of term.",
            "{Child} spends over an hour each way on the bus to school.",
            "Home to school transport was refused because we live 2.8 miles away and the limit is "
            "three.",
            "The escort changes every week and {he} gets really distressed.",
            "Transport was only confirmed the night before term started.",
            "We drive {him} ourselves because the taxi company pulled out, and nobody reimburses "
            "us.",
            "The travel assistance review has left us without any transport at all.",
            "Our transport application was lost and we had to start again in September.",
            "From {town} the journey to {his} school is {distance} miles of country lanes.",
            "The new transport contract means {he} is picked up at 7am for a 9am start.",
        ),
        young_person=(
            "The taxi is always late so I miss registration nearly every day.",
            "I want to do travel training so I can get the bus on my own like my friends.",
        ),
        professional=(
            "Transport problems are now the most common reason our pupils miss the start of the "
            "day.",
            "Rural families are hit hardest by the changes to home-to-school transport.",
        ),
        asks=(
            "Sort transport out before September, not after.",
            "Please let us speak to a person about transport, not a web form.",
        ),
    ),
    "transitions": ThemeBank(
        parent=(
            "The transition to secondary school was handled really badly.",
            "{Child} is in Year 6 and we still have no plan for secondary school.",
            "Post-16 options for {him} are almost non-existent round here.",
            "{He} turns 18 next year and no one has mentioned adult services.",
            "Preparing for adulthood should start at 14 and we've had nothing.",
            "The college accepted {him} then withdrew the place when they read {his} file.",
            "Moving up from nursery to reception was a shock, there was no transition visit.",
            "The move to high school went well because the staff planned it for months.",
            "We have no idea what happens when {he} leaves college next summer.",
        ),
        young_person=(
            "I'm scared about leaving school and going to college.",
            "I want a job when I'm older but nobody has talked to me about preparing for "
            "adulthood.",
            "My transition to college was good because I had extra visits first.",
        ),
        professional=(
            "Transition to adult services is still a cliff edge for young people at 18.",
            "Post-16 transitions are planned far too late for young people with complex needs.",
        ),
        asks=(
            "Start transition planning earlier, not in the last term.",
            "Please make sure adult services are in the room before {he} turns 18.",
        ),
    ),
    "mental_health": ThemeBank(
        parent=(
            "CAMHS rejected the referral because {his} anxiety is 'related to autism'.",
            "{Child} has been self-harming and we've been waiting {duration} for CAMHS.",
            "{His} anxiety is so bad {he} can't get out of the car at the school gate.",
            "We were told {he} doesn't meet the threshold for CAMHS but is too complex for the "
            "school counsellor.",
            "Panic attacks every morning before school and nobody seems able to help.",
            "Emotionally based school avoidance is being treated as bad parenting.",
            "{His} mental health has gone downhill since {he} started at the new school.",
            "{He} has been anxious and withdrawn for {duration} and CAMHS keep sending leaflets.",
        ),
        young_person=(
            "My anxiety is worse at school because it's so loud.",
            "CAMHS closed my case after three sessions.",
            "I need someone to talk to about my mental health who understands autism.",
            "Some days my low mood means I can't get out of bed and school just marks me absent.",
        ),
        professional=(
            "Mental health support for autistic young people is the gap we see most.",
            "The CAMHS threshold is so high that schools are holding real risk.",
        ),
        asks=(
            "CAMHS and the SEND team need to talk to each other.",
            "Please have someone for mental health who understands autism.",
        ),
    ),
    "short_breaks": ThemeBank(
        parent=(
            "We haven't had a night's respite in {duration}.",
            "The short breaks offer in {town} is one holiday club with six places.",
            "Direct payments are approved but we can't find a personal assistant anywhere.",
            "I'm completely burnt out and was told short breaks have a waiting list.",
            "The holiday scheme was lovely and {he} loved it, but it was only three days.",
            "Respite was cut from two weekends a month to one.",
            "There's nothing for {him} on a Saturday, no youth club that can cope with {his} "
            "needs.",
            "We applied for short breaks {duration} ago and haven't heard a thing.",
        ),
        young_person=(
            "The Saturday club is the best bit of my week.",
            "I want to go to youth clubs like my friends but there's nothing for me.",
        ),
        professional=(
            "Carers are reaching crisis because short breaks are so hard to access.",
            "Direct payments are no use when there are no personal assistants to employ.",
        ),
        asks=(
            "More short breaks in the school holidays, please.",
            "Respite shouldn't only come once a family has fallen apart.",
        ),
    ),
    "tribunals": ThemeBank(
        parent=(
            "We had to go to tribunal to get the right school, and the council conceded the week "
            "before.",
            "Our appeal hearing is in {later}, a year after the decision.",
            "Mediation felt like a box-ticking exercise.",
            "We won at tribunal but the council still hasn't changed the plan.",
            "Nobody should have to take the council to tribunal to get what the law says.",
            "SENDIASS helped us with the appeal, I couldn't have done it alone.",
            "The appeal cost us months of stress and a lot of annual leave.",
        ),
        young_person=(
            "My mum had to go to a tribunal for me and it made her ill.",
            "I gave my views at the tribunal and the judge actually took them seriously.",
        ),
        professional=(
            "We're seeing more families go to tribunal, and most of them win.",
            "Mediation is too often a step families have to tick off before an appeal.",
        ),
        asks=(
            "Stop defending appeals you know you'll lose.",
            "Put the money spent on tribunals into support instead.",
        ),
    ),
    "local_offer": ThemeBank(
        parent=(
            "The Local Offer website is impossible to navigate.",
            "Half the links on the Local Offer are broken or out of date.",
            "I couldn't find anything on the website about what's available in {town}.",
            "The new Local Offer is much better, I found what I needed in two clicks.",
            "Services listed on the Local Offer closed years ago.",
            "We only heard about the Local Offer years after we needed it.",
        ),
        young_person=(
            "The website isn't written for young people at all.",
            "I looked at the Local Offer for college courses and half of it was out of date.",
        ),
        professional=(
            "I've stopped signposting families to the Local Offer because so much is out of date.",
            "The Local Offer needs a plain English version and a paper copy for families.",
        ),
        asks=(
            "Put the Local Offer in plain English.",
            "Please keep the website up to date, or take things off it.",
        ),
    ),
    "annual_reviews": ThemeBank(
        parent=(
            "{His} annual review was {months} months late.",
            "We had the annual review meeting but the amended plan never came.",
            "The annual review paperwork was sent back to school twice.",
            "Nothing from the last annual review has been done.",
            "The annual review was in June and the plan still hadn't been amended by Christmas.",
            "School held the annual review without anyone from the council there.",
        ),
        young_person=(
            "At my annual review everyone talked about me like I wasn't in the room.",
            "I liked my last annual review because I got to do a presentation about me.",
        ),
        professional=(
            "Annual reviews are being held but amendments are taking months to be issued.",
            "We send annual review paperwork in on time and hear nothing back.",
        ),
        asks=(
            "Finish annual reviews within the legal timescale.",
            "Please send the amended plan within four weeks like the law says.",
        ),
    ),
    "exclusions": ThemeBank(
        parent=(
            "{Child} has been on a part-time timetable for {duration}.",
            "{He} has been excluded four times this term for things linked to {his} needs.",
            "School ring me to collect {him} early most days, it's exclusion in all but name.",
            "{He} was put in isolation for most of the week.",
            "School suggested a managed move instead of meeting {his} needs.",
            "A reduced timetable was supposed to last two weeks and it's been {duration}.",
            "{He} was sent home before lunch again today.",
            "{He} was suspended for a meltdown that everyone saw coming.",
        ),
        young_person=(
            "I got excluded for having a meltdown.",
            "I'm on a part-time timetable and only go in for two hours a day.",
        ),
        professional=(
            "Part-time timetables for children with plans are still far too common.",
            "Exclusions of pupils with SEND are rising in our schools.",
        ),
        asks=(
            "Children with SEND shouldn't be sent home because staff are stretched.",
            "Please monitor part-time timetables properly.",
        ),
    ),
    "school_support": ThemeBank(
        parent=(
            "School say {he} is fine, but {he}'s masking all day and falls apart at home.",
            "{He} has no one-to-one support even though it's in {his} plan.",
            "The SENCO is lovely but has two days a week for 400 children.",
            "The teaching assistants are stretched and {he} gets no support in class.",
            "Staff need training in autism; they still think {he} is being naughty.",
            "The new SENCO has changed everything and {he} is finally happy going in.",
            "Supply teachers don't know {his} needs and there's no support in class when the "
            "teaching assistant is off.",
        ),
        young_person=(
            "My teaching assistant helps me a lot, I wish I had her in every lesson.",
            "Teachers don't read my support plan, and I'm masking all day.",
        ),
        professional=(
            "Ordinarily available provision isn't understood in the same way across schools.",
            "Staff training on autism and ADHD is patchy and depends on the head.",
        ),
        asks=(
            "More training for school staff, please.",
            "Please fund the one-to-one support that's written in plans.",
        ),
    ),
    "positive_experience": ThemeBank(
        parent=(
            "Things have improved since last year, the SEND team now ring back.",
            "{Child}'s new school is brilliant and {he} is thriving.",
            "Really grateful to the SENDIASS worker who came to the meeting with me.",
            "Credit where it's due, things have improved a lot this year.",
            "Our new family worker has made a difference already.",
            "Having one person to contact has been a huge help.",
        ),
        young_person=(
            "It was really helpful to talk to someone who gets it.",
            "I felt listened to for once.",
            "Thank you for asking young people what we think.",
        ),
        professional=(
            "Joint working with health has improved this year.",
            "The named contact for schools has made a difference to how quickly we get answers.",
        ),
    ),
}

# Positive remarks that only make sense face to face, at a drop-in or forum event.
POSITIVE_IN_PERSON: tuple[str, ...] = (
    "This is the first time someone actually listened.",
    "First time in {duration} that I've felt listened to.",
    "The drop-in was really helpful, I came away with a named contact.",
    "Thank you for organising these sessions, I felt heard.",
    "The people here today made a real difference to how we feel.",
    "It was so helpful to meet other parents in the same boat.",
    "Brilliant session, I finally understand what happens next.",
    "Having someone from the SEND team here in {town} was a huge help.",
    "Thank you for coming out to {town}, I felt heard and that's rare.",
    "Really helpful to speak to health and education in the same room.",
)

PARENT_OPENERS: tuple[str, ...] = (
    "I'm a single mum of three.",
    "Where do I start.",
    "Just want to put this on record.",
    "We moved to {town} two years ago.",
    "I'm a working dad and this has taken over our lives.",
    "I've been fighting for {child} since nursery.",
    "I'll keep this short.",
    "Speaking as a mum who has been through all this twice.",
    "We're a forces family and have moved around a lot.",
    "English isn't my first language so my sister helped me write this.",
    "I work in a school myself, so I know how stretched everyone is.",
    "{Child} is {age} and has complex needs.",
    "I'm writing this at 2am because it's the only time I get.",
    "We live in {town}.",
    "I have two children with additional needs.",
    "I'm a nurse and even I can't navigate this system.",
    "My husband and I both work full time.",
    "Honestly, I'm at the end of my tether.",
)

# Openers that only make sense said in a room, at a drop-in or forum event.
IN_PERSON_OPENERS: tuple[str, ...] = (
    "I've come today because I'm at the end of my tether.",
    "This is the third time I've come to one of these.",
    "Honestly, I nearly didn't come today.",
    "I came today because a friend told me about it.",
)

CARER_OPENERS: tuple[str, ...] = (
    "I'm a foster carer and have had {child} for three years.",
    "I'm a kinship carer, bringing up {child}.",
    "I'm the main carer since {his} mum passed away.",
    "We're special guardians for {child}.",
)

PROFESSIONAL_OPENERS: tuple[str, ...] = (
    "I work in a primary school in {town}.",
    "I'm a health visitor covering {town}.",
    "I'm a family support worker.",
    "I work for a charity supporting families across the county.",
    "As a school nurse,",
    "I'm a social worker in the children with disabilities team.",
    "I'm a pastoral lead at a secondary in {town}.",
)

YOUNG_PERSON_OPENERS: tuple[str, ...] = (
    "I'm {age}.",
    "I'm in Year {year}.",
    "I'm autistic and I wanted to say something.",
    "My mum helped me write this.",
)

CONSEQUENCES: tuple[str, ...] = (
    "{He} hasn't been in school properly since Easter.",
    "I've had to give up my job.",
    "I've had to cut my hours at work.",
    "It's affecting the whole family.",
    "{His} little sister is struggling too.",
    "We're exhausted.",
    "{He} is falling further behind every term.",
    "{He} thinks it's {his} fault.",
    "It has nearly broken our family.",
    "We feel completely forgotten.",
    "{He} has lost all confidence.",
    "By the time help comes it will be too late.",
    "Every week we wait is another week lost.",
    "I don't know how much longer we can cope.",
    "{He} keeps asking me why nobody will help.",
    "We've spent our savings on private reports.",
    "It feels like we're being punished for asking.",
    "{He} used to love school.",
    "My own health has suffered.",
)

YOUNG_PERSON_FEELINGS: tuple[str, ...] = (
    "It makes me feel stupid.",
    "It's not fair.",
    "I just want to be like everyone else.",
    "School is really hard for me.",
    "My mum is always stressed about it.",
    "I feel like nobody cares.",
    "It's been like this for ages.",
    "I want to get my GCSEs like my friends.",
    "I'm trying my best.",
    "Some days I can't face it.",
)

PROFESSIONAL_IMPACTS: tuple[str, ...] = (
    "It's the families who pay the price.",
    "We are firefighting most of the time.",
    "Staff morale is suffering too.",
    "It is getting worse, not better, in {town}.",
    "I raise this every term and nothing changes.",
    "The goodwill in the system is running out.",
    "Children are losing months they can't get back.",
)

GENERAL_ASKS: tuple[str, ...] = (
    "Please just be honest with families.",
    "All we want is for someone to take responsibility.",
    "Please treat us as partners, not a problem.",
    "Someone needs to get a grip of this.",
    "Please don't let other families go through what we did.",
    "Just tell us the truth about timescales.",
    "We need help now, not in a year.",
    "Put children first, not budgets.",
    "Please act on what you hear today.",
    "I want to see actual change, not more meetings.",
)

# Remarks that match no theme: the venue, the format, thanks in general.
UNCODED_IN_PERSON: tuple[str, ...] = (
    "Parking at the venue was a nightmare, we went round three times.",
    "The hall was far too hot.",
    "Could the next one be on a Saturday? I work weekdays.",
    "Lovely to have a brew and a chat.",
    "Thanks to everyone who organised today.",
    "More chairs needed, a lot of us were standing.",
    "Please put the dates on Facebook earlier.",
    "The room was hard to find, there were no signs from reception.",
    "I came to find out what the partnership board actually does.",
    "The hearing loop wasn't working.",
    "Could there be a creche next time so I can bring my little one?",
    "Good to see so many people here.",
    "Please can the next one be somewhere with a lift.",
    "I'd like to come to the next one in {town}.",
    "It would be good to have these in the evenings too.",
    "The tea ran out by eleven.",
    "Nice to see the council turning up in {town}.",
    "Can you let us know what happens to what we've said today?",
    "The microphone kept cutting out.",
    "I found out about today from a friend, please advertise more.",
    "Please have name badges so we know who everyone is.",
    "The car park at the venue was full by ten.",
    "It's a long way for us to get to {town}.",
    "I'll bring my husband next time.",
)

UNCODED_WRITTEN: tuple[str, ...] = (
    "No comment.",
    "Nothing to add.",
    "N/A",
    "See my previous answer.",
    "Keep up the work.",
    "Too many questions in this survey.",
    "I'd like a paper copy of this form next time.",
    "Happy to be contacted about this.",
)

UNCODED_TAILS: tuple[str, ...] = (
    "Thanks.",
    "Cheers.",
    "Thanks for today.",
    "Otherwise fine.",
    "Hope that helps.",
    "That's all really.",
    "Just a thought.",
    "See you next time.",
    "Appreciate everyone's time.",
)

UNCODED_HELPLINE: tuple[str, ...] = (
    "Caller asked for the date of the next drop-in in {town}.",
    "Caller wanted directions to the {town} session.",
    "Caller asked for a paper copy of the survey.",
    "Caller asked how to join the forum mailing list.",
    "Caller wanted to know who sits on the partnership board.",
    "Call cut off before the caller gave details.",
)

HELPLINE_PREFIXES: tuple[str, ...] = ("Caller said: ", "Caller told us: ", "Logged from call: ")

PARENT_CHILDREN: tuple[tuple[str, str], ...] = (
    ("my son", "m"),
    ("my daughter", "f"),
    ("my eldest", ""),
    ("my youngest", ""),
    ("my little boy", "m"),
    ("my little girl", "f"),
    ("our son", "m"),
    ("our daughter", "f"),
    ("my boy", "m"),
    ("my middle one", ""),
)
CARER_CHILDREN: tuple[tuple[str, str], ...] = (
    ("my foster son", "m"),
    ("my foster daughter", "f"),
    ("my grandson", "m"),
    ("my granddaughter", "f"),
)
OTHER_CHILDREN: tuple[tuple[str, str], ...] = (
    ("my grandson", "m"),
    ("my granddaughter", "f"),
    ("my nephew", "m"),
    ("my niece", "f"),
    ("my little brother", "m"),
    ("my sister", "f"),
)

DURATIONS: tuple[str, ...] = (
    "six months",
    "nine months",
    "over a year",
    "18 months",
    "nearly two years",
    "two and a half years",
    "eleven months",
    "almost three years",
    "14 months",
    "seven months",
    "well over a year",
)
WAITS: tuple[str, ...] = ("two years", "three years", "at least 18 months", "up to four years")
SINCE: tuple[str, ...] = ("February", "Easter", "last September", "October half term", "Christmas")
LATER: tuple[str, ...] = ("January", "the spring", "March", "next summer")
CALLS: tuple[str, ...] = ("six", "ten", "countless", "a dozen", "fifteen")

EMAIL_USERS: tuple[str, ...] = ("kerry.b", "dazhoward", "mumof3", "j.patel", "sam_t", "lou.ash")
EMAIL_DOMAINS: tuple[str, ...] = ("example.com", "example.co.uk", "example.net", "example.org")
POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
