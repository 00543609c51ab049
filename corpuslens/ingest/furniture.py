"""Recognise site furniture: the lines a web page or a printed report wraps around an article.

Navigation and breadcrumbs, category lists, share buttons and counters, newsletter and donation
pleas, comment forms and notices, image placeholders, photo captions and credits, pull quotes,
press contacts, republication notes and disclaimers, a bare publication name, author
biographies; from printed reports, running page headers, tables of contents, footnotes, colophons
and the publisher's self-description. `classify_furniture` gives each paragraph a reason (or None
for article text); the caller keeps the furniture out of the passages and shows it, with its
reason, in the debug view. `split_trailing_note` cuts an author note off the end of a paragraph
that has no line break before it (an article pasted as one long paragraph).

Positional rules keep the guessing honest: bare names and follow-up lines are only looked for in
the block of furniture that closes the article, and the lines under a footer only there; an
author note in the middle of a document counts only when the byline names its person, and a
publisher's self-description only under its name or closing the page.
"""

from __future__ import annotations

import re

from corpuslens.ingest.dates import parse_date

# A capitalised word of a personal name, in any script ("Shiriyev", "Əliyev", "O’Brien", "Jean-Luc").
_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ŽƏА-ЯЁ][\w'’\-]*[^\W\d_]"
_PARTICLE = r"(?:de|van|von|der|den|al|el|bin|ibn|da|di|du|la|le|dos|del)"
_INITIALS = r"(?:[A-Z]\.\s?)*"
NAME_PATTERN = rf"{_INITIALS}{_WORD}(?:\s+{_INITIALS}(?:{_PARTICLE}\s+){{0,2}}{_WORD}){{0,3}}"

# Capitalised words that make a line a heading or a place, not a person's name.
_NOT_NAME_WORDS = frozenset(
    """the of and in on for to a an with is are was by at from as or not but into over under about after
    home news blog blogs posts post review reviews politics policy relations war peace analysis opinion
    categories category tags topics region regional world politics report reports press comment comments
    share subscribe newsletter menu search contact about university institute centre center foundation
    daily weekly monitor journal times post herald agency affairs studies council republic federation
    russia azerbaijan armenia turkey iran georgia ukraine europe european union caucasus south north
    east west eurasia asia central america united states kingdom moscow baku yerevan ankara tehran
    president minister ministry government parliament army forces conflict security international
    staff editor editors editorial senior fellow professor analyst correspondent director writer contributor
    reporter associate expert team desk guest
    """.split()
)

_SHARE_WORDS = frozenset(
    "share shares shared tweet email e-mail print facebook twitter x linkedin whatsapp telegram reddit vk "
    "pinterest copy link this on via save bookmark messenger viber ok odnoklassniki flipboard pocket".split()
)
_SHARE_ACTIONS = frozenset("share shares tweet email e-mail print facebook twitter linkedin whatsapp telegram reddit vk pinterest".split())
_NAV_LINES = {
    "placeholder canvas": "image placeholder",
    "blog posts": "site navigation", "blog": "site navigation", "menu": "site navigation",
    "search": "site navigation", "skip to content": "site navigation", "skip to main content": "site navigation",
    "home": "site navigation", "main menu": "site navigation", "related posts": "related links",
    "related articles": "related links", "read more": "related links", "read also": "related links",
    "you may also like": "related links", "popular posts": "related links", "recent posts": "related links",
    "latest news": "related links", "most read": "related links", "advertisement": "advertisement",
    "sponsored": "advertisement", "follow us": "share buttons", "share this": "share buttons",
    "share this article": "share buttons", "print this page": "share buttons",
    "ссылки для упрощенного доступа": "site navigation", "перейти к основному содержанию": "site navigation",
    "вернуться к основному содержанию": "site navigation", "accessibility links": "site navigation",
    "close button": "site navigation", "no media source currently available": "player widget",
    "пожалуйста, подождите": "player widget", "loading...": "player widget", "loading": "player widget",
    "share this post": "share buttons", "short url": "share buttons", "card title": "template placeholder",
    "what you need to know:": "summary box heading", "scroll top": "site navigation", "top of page": "site navigation",
    "back to top": "site navigation", "please try again.": "form message",
    "learn more": "related links", "see more": "related links", "show more": "related links",
    "table of contents": "table of contents", "table of content": "table of contents",
    "contents": "table of contents", "featured stories": "related links", "original content": "page label",
    "recommended for you": "related links", "recommended": "related links", "related stories": "related links",
    "articles": "site navigation",
    # a press release's end mark
    "ends": "end of a press release", "ends.": "end of a press release", "-ends-": "end of a press release",
    "###": "end of a press release",
    # A byline's label whose name the page left out (a template's empty field).
    "published by": "byline label without a name", "posted by": "byline label without a name",
    "written by": "byline label without a name", "by": "byline label without a name",
}
_GLUED_WIDGETS = [(k, r) for k, r in _NAV_LINES.items() if r == "player widget" and " " in k]
_TEMPLATE = re.compile(
    r"^(?:lorem ipsum\b.*|(?:heading\s*)+\d?|previous and next \w+|"
    r"download the .{0,40}\bapp\b.*|read the (?:original|full) (?:article|story|report)\b.*|(?:kaynak|source)\s*:[^.]{0,60}|"
    r"cc by(?:-[a-z-]+)?(?: \d\.\d)?|.*\bnever miss (?:our|a|the) (?:top |latest )?(?:stories|news|updates)\b.*|"
    r"with your registration you agree\b.*|"
    r".*(?:отключить рекламу|disable (?:your )?ad ?block(?:er)?).*|.*охраняются авторским правом.*|"
    r".*\bemail address is (?:invalid|missing|required).*|[^/]{1,80}\.(?:png|jpe?g|gif|webp|svg)|"
    r"(?:вчера|сегодня|yesterday|today)\s*,?\s*(?:at\s*)?\d{1,2}:\d{2}|[\d\s()+.\-]{6,}|"
    r"[^:]{1,40}:\s*https?://\S+)$",
    re.I,
)
# "Previous articleJanuary 13 …", "Next post: …": a link to the neighbouring article, its headline glued on.
_NEIGHBOUR_LINK = re.compile(r"^(?:Previous|Next|Prev|PREVIOUS|NEXT)\s?(?:article|post|story|ARTICLE|POST|STORY)(?:\s*:|(?=[A-Z«“\"'‘])|$)")
# "Also Read: ADB President in Kazakhstan …", "Related: New secretary-general …", "Next in World": a link to
# another article, with its headline.
_RELATED_LINK = re.compile(
    r"^(?:also read|read also|also see|see also|related(?: articles?| stories| posts?)?|further reading|more on this|"
    r"recommended(?: reading)?|read more)\s*:\s*\S|^next in [\w ]{2,30}$", re.I)
# A paywall's prompts and a cookie banner.
_PAYWALL = re.compile(
    r"^(?:already (?:have an account|a (?:subscriber|member|client))\b|sign in to (?:read|continue|view)\b|"
    r"become a (?:client|member|subscriber) to (?:read|continue|view)\b|this is premium content\b|"
    r"you may already have access to this\b|subscribe to (?:read|continue reading|unlock)\b|"
    r"this content is (?:only )?(?:for|available to) (?:subscribers|members)\b|to unlock this (?:content|article)\b|"
    r"want to (?:keep|continue) reading\b|you have \d+ free (?:stories|articles) (?:remaining|left)\b)", re.I)
_RESERVED_FOR_SUBSCRIBERS = re.compile(r"\barticle reserved for (?:our )?subscribers\b", re.I)  # a teaser's tag
# A line of its own that says when, relative to now ("2 months ago"), or counts a section's articles ("8 Articles").
_RELATIVE_TIME = re.compile(r"^(?:\d+|an?|one) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago$", re.I)
_ARTICLE_COUNT = re.compile(r"^\d+\s+(?:articles?|stories|posts)$", re.I)
# "More from Naval Warfare", "Most Read from Bloomberg", "Why you can trust SCMP": the heads of another list or box.
_BOX_HEADING = re.compile(r"^(?:more from|most read from|more stories from|why you can trust)\s+[\w .&'’-]{2,40}$", re.I)
# "Figure 1. Salafi-Jihadi areas of operation", "Map 2: …": a figure's caption.
_FIGURE_CAPTION = re.compile(r"^(?:figure|fig\.|map|chart|graph|graphic|table|exhibit)\s*\d{1,2}[.:]\s+\S", re.I)
# A video's length or a clock on a line of its own ("01:16"): the card of a video or a live entry, not prose.
_DURATION = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
# A publisher's legal lines: the group that owns the site, its registered office.
_LEGAL_NOTICE = re.compile(
    r"\bregistered (?:office|in england)\b|\ball copyright resides with\b|\bis part of the [\w ]{1,40} division of\b|"
    r"\boperated by a business or businesses owned by\b", re.I)
_COOKIES = re.compile(
    r"\b(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies|cookie (?:policy|settings|preferences))\b",
    re.I)
_LANGUAGE_SWITCH = re.compile(r"^this (?:page|article|site|story) is (?:also )?available in\b", re.I)
_SKIP_LINK = re.compile(r"^(?:skip|jump|go) to (?:the )?(?:main |primary )?(?:content|navigation|search|menu|article)\b|^перейти к ", re.I)
_WIDGET = re.compile(
    r"^(?:\d+(?:[.,]\d+)?\s*[kк]?\+?|\d+\s*(?:min(?:ute)?s?|мин\.?)\s*(?:read|чтения)?|font size\W*|a\s*a\s*a|print|comments?\s*\(\d+\)|"
    r"this (?:news|article) has been read \d+ times.*|you need javascript enabled.*|.*being protected from spambots.*|"
    r"(?:i\s+)?надоели баннеры\?.*|читайте также:?|read (?:also|more):?|see also:?|related:?|tags?:?)$",
    re.I,
)
_LIST_HEADINGS = re.compile(r"^(?:categories|category|tags|tagged|topics|filed under|related topics|keywords|ключевые слова|теги|метки|темы)\s*:?$", re.I)
_INLINE_LIST = re.compile(r"^(?:categories|category|tags|topics|filed under|keywords)\s*:\s*\S", re.I)
_BREADCRUMB = re.compile(r"^(?:home|main|homepage|главная|ana səhifə)\s*[/>»›|→]\s*\S|^[^/>»›|]{1,60}(?:\s[/>»›|→]\s[^/>»›|]{1,120}){2,}$", re.I)
_COUNTER = re.compile(r"^[\d.,]+\s*[kKмМ]?\s*(?:shares?|comments?|views?|likes?|reads?|просмотр\w*)$", re.I)
_NEWSLETTER = re.compile(r"^(?:sign up|subscribe|join)\b.{0,200}\b(?:newsletter|inbox|updates|mailing list|e-?mail)|^sign up for\b", re.I)
_DONATION = re.compile(r"^(?:support|donate to)\b[^:]{0,60}:\s*help\b|^(?:support|donate)\b.{0,120}\bjournalism\b", re.I)
_COMMENT_FORM = re.compile(
    r"^(?:leave a (?:reply|comment)|post comment|submit comment|your email address will not be published|"
    r"required fields are marked|save my name, email|comments are closed|you must be logged in to post|"
    r"\d+ comments?$|(?:name|email|website|comment)\s*\*?$|"
    r"add a comment\b|(?:sorry,?\s+)?(?:we are|we're|we)\s+(?:not|no longer)\s+(?:currently\s+)?accepting comments|"
    r"comments? (?:are|is) (?:closed|disabled|not (?:currently )?(?:open|enabled|accepted)))",
    re.I,
)
_CREDIT = re.compile(r"^\(?\s*(?:source|photo|photograph|image|picture|credit|photo credit|фото|источник)\s*:\s*[^()]{1,100}\)?$|"
                     r"^source\s+(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?$", re.I)  # "SOURCE www.example.com"
_PHOTO_BY = re.compile(
    r"^(?:photo|image|picture)\s+(?:by|courtesy|credit)\b.{0,200}$|\((?:photo|image)\s*:[^()]{1,80}\)$|"
    r"(?:^|[.)]\s+)(?:photo|image|picture|credit)s?\s*:\s*[^.:]{2,80}$|\b\w*\s?photo\s*/\s*\w[^.]{0,60}$|\bvia getty images$",
    re.I,
)
# "…, Moscow, February 22, 2022 / President.Az": a caption whose credit follows a slash.
_SLASH_CREDIT = re.compile(r"\s/\s*(?P<credit>[\w.\-]+(?:\s[\w.\-]+){0,3})$")
_CREDIT_WORDS = re.compile(
    r"\w\.\w|\b(?:ap|afp|reuters|getty|tass|sputnik|ria|epa|apa|anadolu|shutterstock|wikimedia|photo|images?|"
    r"press service|kremlin|president)\b",
    re.I,
)
# A caption's credit after its last sentence: "… in Gatundu on March 10, 2013. (Marko Djurica/Reuters)",
# "… about 31. (AFP)". Agencies and picture libraries only: a bracket naming anyone else is prose.
_AGENCY = (
    r"(?:AFP|AP|AP Photo|Reuters|Getty(?: Images)?|EPA(?:-EFE)?|Anadolu(?: Agency)?|Shutterstock|TASS|Sputnik|"
    r"RIA Novosti|Xinhua|Bloomberg|Wikimedia Commons|iStock)"
)
_CAPTION_CREDIT = re.compile(
    rf"[.!?”\"]\s+\((?:[^()/]{{2,40}}/)?{_AGENCY}(?:/[^()]{{2,40}})?\)$|"
    r"[.!?]\s+source\s*:\s*[^.:/|]{2,60}[/|][^.:/|]{2,60}$",
    re.I,
)
# A caption's closing credit without brackets: "… low incomes Image: Nicolas Maeterlinck/BELGA/AFP/Getty Images",
# "… territory. Photo credit: Pixabay. Click to see the map in full size…", "… June 23, 2023. Stephanie Lecocq/Reuters".
_CREDIT_TAIL = re.compile(
    r"\s(?:photo credit|image|photo)\s*:\s*[^.:]{2,80}(?:/[^.:]{2,60})+$|"
    r"\s\((?:source )?(?:photos?|images?|pictures?) (?:by|from|courtesy of)\s[^()]{2,40}\)$|"  # "(Source photos by Reuters)"
    r"[.)]\s+photo credit\s*:\s*[^.:]{2,80}\.?(?:\s+click (?:to|here)\b.{0,80})?$|"
    rf"[.!?]\s+[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{1,3}}\s?/\s?(?:{_AGENCY}|Getty ?Images|[A-Z]{{2,6}})$|"
    # a photographer in capitals and the agency in brackets ("… in Sao Paulo. CARLA CARNIEL (REUTERS)"), or a
    # photographer and any picture desk in brackets ("… more quickly. (Omar Martínez/Cuartoscuro)")
    rf"[.!?]\s+[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ'’.-]+){{1,3}}\s+\({_AGENCY}\)$|"
    r"[.!?”\"]\s+\([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}/[A-Z][\w .&-]{1,30}\)$",
    re.I,
)
# "… he said. (AFP)" may also be a wire story's sign-off under its last paragraph.
_BARE_AGENCY = re.compile(rf"[.!?”\"]\s+\({_AGENCY}\)$", re.I)
# "(C) … (R)": a photo's people placed left to right. Two different places, so that a politician's
# party letter "(R)" alone is not taken for one.
_PLACE_IN_PHOTO = re.compile(r"\((?:L|R|C|left|right|cent(?:re|er)|(?:2nd|second|third) (?:from )?(?:left|right|L|R))\)", re.I)
# A caption dated in a sentence of its own: "… signed the agreement on Wednesday. December 14, 2022."
_LAST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?P<last>[^.!?]{6,40})\.?$")
# "Copyright © 2024 …", "Copyright 2024 …", "Copyright: Reuters"; a sentence about copyright law is text.
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b(?=\s*(?:©|\(c\)|\d{4}|:|by\b)))|all rights reserved", re.I)
# A publication's rights statement may run on ("… All rights reserved. Except for the quotation of short
# passages …, no part of this publication may be reproduced …"); it opens with the mark or a year.
_RIGHTS_STATEMENT = re.compile(r"^(?:©|copyright\s*(?:©|\(c\)|\d{4}))(?=.*(?:all rights reserved|no part of this))", re.I | re.S)
# The lone capital of a heading set in small capitals, cut from the rest of its word ("S pecial",
# "R epoRt", "c ontentS"); "a" and "I" are words.
_SMALL_CAPS_PIECE = re.compile(r"^(?![aAI]\s)[^\W\d_]\s[a-z][a-zA-Z]*$")

# A note about where the article was published before or can be read in full.
_REPUBLISHED = re.compile(
    r"^(?:a version of )?this (?:article|story|piece|post|interview|commentary|op-ed|essay|column)\b[^.]{0,60}?"
    r"\b(?:(?:was )?(?:originally|first) (?:published|appeared|posted|ran)|(?:can|may) also be (?:found|read)|also appeared)\b|"
    r"^(?:originally|first) published (?:in|on|at|by)\b",
    re.I,
)
# Who commissioned or paid for a report: "This report was commissioned by the Center for …".
_COLOPHON = re.compile(
    r"^this (?:report|paper|study|brief|policy brief|working paper|publication|research|project)\b[^.]{0,40}?"
    r"\b(?:was|is|has been) (?:commissioned|funded|sponsored|supported|made possible|produced|prepared)\b",
    re.I,
)
# A report speaking of itself in its summary box ("This report analyzes …"), next to its authors' notes.
_ABOUT_THIS = re.compile(r"^this (?:report|paper|study|brief|policy brief|working paper|publication)\s+[a-z]+s\b", re.I)
# "The opinions expressed in this document do not necessarily reflect …": a publisher's disclaimer. It
# must speak of the document or its author: "the views expressed by the minister" is reporting.
_DISCLAIMER = re.compile(
    r"^(?:the )?(?:views|opinions|statements)(?: and \w+)? expressed\b.{0,80}"
    r"\b(?:this|these|herein|here|the authors?|the writers?)\b.{0,200}"
    r"\b(?:do(?:es)? not necessarily (?:reflect|represent)|are (?:solely )?(?:those of|the authors?['’]s? own))",
    re.I,
)
# A sentence that only points elsewhere: "… can be found here.", "please also see our newsletter".
_POINTER = re.compile(
    r"\b(?:found|available|read|see|click|tap|watch|download(?:ed)?|listen|register|sign up)\b[^.]{0,80}\bhere\s*[.!:]?$|"
    r"\b(?:can|may) be (?:found|watched|followed|viewed|seen|heard) (?:on|at|via)\b[^.]{0,80}"
    r"\b(?:website|web ?site|web ?stream(?:ing)?|live ?stream|channel|app)\b|"
    r"\bplease (?:also )?(?:see|visit|read|check|consult|follow) our (?:newsletters?|website|site|web ?page|pages?|"
    r"homepage|archive|live ?blog|coverage|channel|feed|podcast|app)\b",
    re.I,
)
_PAGE_NOTICE = re.compile(
    r"\b(?:having|have|experiencing) (?:trouble|problems?|difficult(?:y|ies)) (?:loading|viewing|displaying|seeing)\b|"
    r"\byour browser (?:does not|doesn['’]t) support\b|^this page (?:is|has been|was) (?:left )?intentionally (?:left )?blank\b",
    re.I,
)
# An address block: two or more of a phone, fax, e-mail or web address ("Tel: … Fax: … E-mail: …").
_CONTACT_FIELD = re.compile(
    r"\b(?:tel|phone|fax|e-?mail|web-?site)\b\s*[:.]|\bfax\b|\bwww\.\w|\w@[\w-]+\.\w|\[email[^\]]*\]|"
    r"\+\d{1,3}[\s(]\d|\b\d{3}[.\-]\d{3}[.\-]\d{4}\b",
    re.I,
)
# A site's address on a line of its own.
_SITE_ADDRESS = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/?$", re.I)
# A line of social-media handles or hashtags only: "EP_ForeignAff EP_HumanRights", "@agency #elections"
# (one name with an underscore alone is as likely a constant in a code sample).
# A post embedded in an article, as its text is saved: the post with its picture link, and the line that signs
# it ("— Jane Doe (@janedoe) February 19, 2019").
_EMBEDDED_POST = re.compile(
    r"\bpic\.twitter\.com/\w+"
    r"|^[—–-]\s?[^()\n]{1,60}\(@\w{1,15}\)\s+(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})$")
_HANDLES = re.compile(r"^(?:@\w+|(?:(?:@\w+|#\w+|\w+_\w+)\s+){1,7}(?:@\w+|#\w+|\w+_\w+))$")
# A press contact: a name, then an international phone number, nothing after it.
_CONTACT = re.compile(r"^[^\d()+]{2,60}?[\s:,]\(?\+\d{1,3}\)?[\d\s().\-]{6,}$")
# A pull quote: a quotation set apart with the speaker's name (and title) after it and no verb
# ("…” Jane Doe, European Commission President).
_PULL_QUOTE = re.compile(
    rf"^[“\"«„](?P<quote>[^“”\"«»]{{20,400}})[”\"»]\s*[-–—,]?\s*(?P<name>{NAME_PATTERN})(?:,\s*[^.!?“”\"]{{2,80}})?$"
)

ROLE_WORDS = re.compile(
    r"\b(?:analyst|fellow|professor|associate|researcher|research|director|journalist|editor|correspondent|"
    r"writer|scholar|expert|lecturer|candidate|consultant|student|founder|chair|chairman|reporter|"
    r"contributor|author|specialist|adviser|advisor|economist|historian|political scientist|freelance|"
    r"commentator|columnist|doctoral|phd|dean|coordinator|head of)\b",
    re.I,
)
_NOTE_IS = re.compile(rf"^(?P<name>{NAME_PATTERN})\s+(?:is|was|has been)\s+(?:an?|the|currently an?)\s+(?P<role>[^.!?]{{2,250}})")
_COMMA_ROLE = (
    r"(?i:(?:an?\s+|the\s+)?(?:(?:senior|associate|assistant|visiting|adjunct|full|research|non-?resident|deputy|"
    r"executive|managing|chief|contributing|independent)\s+)*(?:professor|fellow|researcher|director|lecturer|"
    r"analyst|editor|expert|head|scholar|associate|correspondent|journalist|dean|chair|ph\.?d\.?|candidate|doctor)\b)"
)
_NOTE_COMMA = re.compile(rf"^(?P<name>{NAME_PATTERN}),\s+{_COMMA_ROLE}")
_TRAILING_NOTE = re.compile(
    rf"(?<=[.!?”\"»)])\s+(?P<note>(?P<name>{NAME_PATTERN})(?:,\s+{_COMMA_ROLE}[^!?]{{0,300}}|\s+is\s+an?\s+[^.!?]{{2,250}}\.?))\Z"
)
# A publisher describing itself: "The X Institute (XI) is a nonpartisan, independent policy research
# institute based in Y", "is an independent, non-profit public policy organization based in Z" (its
# name on the line above). The sentence must open with the description, and say where it is based or
# what it is for: a story that mentions such a body in passing says more around it.
_ORG_BLURB = re.compile(
    r"^(?:(?:the )?[A-Z][\w.&’'\- ]{2,80}?(?:\s\([A-Z]{2,10}\))?\s+)?(?:is|are) an?\s[^.]{0,80}?"
    r"\b(?:independent|non-?partisan|non-?profit|not-for-profit|non-?governmental)\b[^.]{0,80}?"
    r"\b(?:organi[sz]ation|institute|think[- ]tank|centre|center|foundation|network|ngo)\b[^.]{0,80}?"
    r"\b(?:based in|headquartered in|founded in|dedicated to|that (?:works|aims|seeks))\b",
    re.I,
)
_MISSION = re.compile(r"^our (?:mission|goal|aim|vision|purpose) is\b", re.I)
# The lines that end an article page (a comment form, the copyright footer) or open another article's
# card (its time stamp or view count): what follows them is not the article.
# A site's copyright footer, not a photo's credit ("© Jane Doe"): it reserves rights or names a year.
_FOOTER_COPYRIGHT = re.compile(r"all rights reserved|(?:©|\bcopyright\b).{0,60}\b(?:19|20)\d{2}\b", re.I)
_CARD_STAMP = re.compile(r"^(?:(?:вчера|сегодня|yesterday|today)\s*,?\s*(?:at\s*)?\d{1,2}:\d{2}|\d+(?:[.,]\d+)?\s*[kк]\+?)$", re.I)
FOOTER_LINES = 4  # at most this many lines below a footer are taken with it
ARTICLE_ABOVE_FOOTER = 300  # characters of text above a footer that make it the article's end, not a header
_BIO_FOLLOW_UP = re.compile(r"^(?:he|she|they|his|her|their|follow (?:him|her|them)|find (?:him|her))\b|@\w{2,}|\btwitter\b", re.I)
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_TERMINAL = re.compile(r"[.!?:;,]$")

TAIL_WINDOW = 6  # how many closing paragraphs may hold the article's trailing furniture


def looks_like_name(text: str) -> bool:
    """Two to four capitalised words (initials and particles allowed) that are not heading words."""
    text = text.strip()
    if not 3 <= len(text) <= 60 or not re.fullmatch(NAME_PATTERN, text):
        return False
    initials = re.findall(r"\b[A-Z]\.", text)
    words = [w for w in re.split(r"[\s.]+", text) if len(w) > 1 and not re.fullmatch(_PARTICLE, w)]
    enough = len(words) >= 2 or (len(words) == 1 and initials)
    return bool(enough) and len(words) <= 4 and not any(w.lower().strip("'’") in _NOT_NAME_WORDS for w in words)


# "Jane Doe, a professor at X, has been to Y…": a person in the story, not a note about the author.
_NARRATIVE = re.compile(r",\s+(?:has|have|had|is|was|were|said|says|told|argues|argued|believes|went|thinks|added)\b")


def author_in_note(text: str) -> str | None:
    """The person an author note is about: "X is a … analyst at …", "X, Associate Professor, …"."""
    match = _NOTE_IS.match(text)
    if match and ROLE_WORDS.search(match.group("role")) and looks_like_name(match.group("name")):
        return match.group("name")
    match = _NOTE_COMMA.match(text)
    if match and len(text) <= 500 and looks_like_name(match.group("name")) and not _NARRATIVE.search(text):
        return match.group("name")
    return None


def split_trailing_note(paragraph: str) -> tuple[str, str] | None:
    """(body, note) when a long paragraph ends with an author note after its last sentence."""
    if len(paragraph) < 200:
        return None
    offset = max(0, len(paragraph) - 700)
    match = _TRAILING_NOTE.search(paragraph, offset)
    if not match or not author_in_note(match.group("note")):
        return None
    return paragraph[: match.start()].rstrip(), match.group("note").strip()


def line_key(text: str) -> str:
    """A line compared as a reader sees it: case, quotes and spacing folded."""
    return " ".join(text.translate(_QUOTES).casefold().split())


def _is_share_line(key: str) -> bool:
    words = re.findall(r"[\w\-]+", key)
    return (
        bool(words) and len(words) <= 12
        and all(w in _SHARE_WORDS or w.isdigit() for w in words)
        and any(w in _SHARE_ACTIONS for w in words)
    )


def _is_short_label(text: str) -> bool:
    """A few Title-Case words with no sentence punctuation: a logo's alt text, a site or person name."""
    words = text.split()
    return 1 <= len(words) <= 5 and len(text) <= 50 and not _TERMINAL.search(text) and all(w[0].isupper() or not w[0].isalpha() for w in words)


# A line of nothing but a numeric date and a time: "2/10/2023, 11:04:00 PM".
_NUMERIC_STAMP = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?$")


def line_reason(text: str) -> str | None:
    """The furniture reason of a line judged on its own, else None."""
    if len(text) > 600:
        return None  # furniture is short; a long paragraph is article text (or has its note cut off first)
    if _EMBEDDED_POST.search(text):
        return "embedded social-media post"
    if _NUMERIC_STAMP.match(text.strip()) and not parse_date(text.strip()):
        # A date the header reader could read is left to it; this one's day and month could be swapped.
        return "time stamp whose day and month could be swapped (not read as the date)"
    key = line_key(text)
    if key in _NAV_LINES:
        return _NAV_LINES[key]
    if _SKIP_LINK.match(key) or (len(text) <= 200 and _LANGUAGE_SWITCH.match(text)):
        return "site navigation"
    if len(text) <= 200 and (_NEIGHBOUR_LINK.match(text) or _RELATED_LINK.match(text)):
        return "related links"
    if _DURATION.match(text.strip()) or _RELATIVE_TIME.match(text.strip()):
        return "video length or time stamp"
    if _ARTICLE_COUNT.match(text.strip()) or _BOX_HEADING.match(text.strip()):
        return "related links"
    if len(text) <= 300 and _FIGURE_CAPTION.match(text):
        return "figure caption"
    if len(text) <= 400 and _LEGAL_NOTICE.search(text):
        return "publisher's legal notice"
    if len(text) <= 300 and (_PAYWALL.match(text) or _RESERVED_FOR_SUBSCRIBERS.search(text)):
        return "paywall notice"
    if len(text) <= 400 and _COOKIES.search(text):
        return "cookie notice"
    if len(text) <= 200 and _TEMPLATE.match(key) and not parse_date(text.strip(), allow_year=True):
        return "page widget"
    if len(text) <= 160 and _WIDGET.match(key):
        return "page widget"
    if _INLINE_LIST.match(text):
        return "category list"
    if len(text) <= 300 and _BREADCRUMB.search(text):
        return "breadcrumb navigation"
    if _COUNTER.match(key) or _is_share_line(key):
        return "share buttons"
    if _NEWSLETTER.search(text):
        return "newsletter sign-up"
    if _DONATION.search(text):
        return "donation plea"
    if len(text) <= 200 and _COMMENT_FORM.match(text):
        return "comment form"
    if len(text) <= 200 and (_CREDIT.match(text) or _PHOTO_BY.search(text)):
        return "photo credit"
    if len(text) <= 400 and (_CAPTION_CREDIT.search(text) or _CREDIT_TAIL.search(text)
                             or len({m.lower() for m in _PLACE_IN_PHOTO.findall(text)}) >= 2):
        return "image caption"
    last = _LAST_SENTENCE.search(text) if len(text) <= 300 else None
    if last and parse_date(last.group("last").strip()):
        return "image caption"
    if len(text) <= 300 and _REPUBLISHED.search(text):
        return "republication note"
    if len(text) <= 300 and _COLOPHON.search(text):
        return "report colophon"
    if len(text) <= 400 and _DISCLAIMER.search(text):
        return "publisher's disclaimer"
    if len(text) <= 250 and _PAGE_NOTICE.search(text):
        return "page notice"
    if len(text) <= 200 and _POINTER.search(text):
        return "link to elsewhere"
    widget = next((r for k, r in _GLUED_WIDGETS if key.endswith(" " + k)), None) if len(text) <= 160 else None
    if widget:
        return widget  # a player's title with its "please wait" joined on
    if len(text) <= 200 and (_HANDLES.match(text) or _CONTACT.match(text)):
        return "contact details"
    if len(text) <= 400 and len(_CONTACT_FIELD.findall(text)) >= 2:
        return "contact details"
    if len(text) <= 80 and _SITE_ADDRESS.match(text.strip()):
        return "site address"
    quote = _PULL_QUOTE.match(text) if len(text) <= 500 else None
    if quote and looks_like_name(quote.group("name")):
        return "pull quote"
    credit = _SLASH_CREDIT.search(text) if len(text) <= 400 and not text.endswith(".") else None
    if credit and _CREDIT_WORDS.search(credit.group("credit")):
        return "image caption"
    if (len(text) <= 300 and _COPYRIGHT.search(text)) or _RIGHTS_STATEMENT.search(text):
        return "copyright notice"
    if _SMALL_CAPS_PIECE.match(text):
        return "broken heading"
    return None


def classify_furniture(paragraphs: list[str]) -> list[str | None]:
    """A furniture reason per paragraph, None for article text."""
    reasons = [line_reason(p) for p in paragraphs]
    n = len(paragraphs)
    for i, text in enumerate(paragraphs):
        if _LIST_HEADINGS.match(text):
            reasons[i] = "category list"
            if i + 1 < n and len(paragraphs[i + 1]) <= 300 and not paragraphs[i + 1].endswith("."):
                reasons[i + 1] = "category list"
        if i + 1 < n and len(text) <= 400 and abs(len(text) - len(paragraphs[i + 1])) <= 4 and line_key(text) == line_key(paragraphs[i + 1]):
            reasons[i] = reasons[i + 1] = "image caption (repeated line)"
    # The bullets of a "What you need to know:" box are its furniture too.
    for i in range(1, n):
        if reasons[i - 1] == "summary box heading" or (reasons[i - 1] == "summary box" and paragraphs[i - 1].startswith("•")):
            if paragraphs[i].startswith(("•", "·", "- ")) and len(paragraphs[i]) <= 300:
                reasons[i] = "summary box"
    # A line printed more than once in one page (a caption under its photo and in a gallery, a teaser
    # and its article, a headline in the page title and the heading) is not running text; the header
    # reader may still take a repeated headline as the title.
    seen: dict[str, list[int]] = {}
    for i, text in enumerate(paragraphs):
        if len(text) <= 400 and len(text.split()) >= 5:  # "Thank you very much." may well be said twice
            seen.setdefault(line_key(text), []).append(i)
    for rows in seen.values():
        if len(rows) < 2:
            continue
        if _printed_twice(paragraphs[rows[0]], rows):
            for i in rows[1:]:
                reasons[i] = reasons[i] or "repeated text (a second copy of the article)"
            continue
        for i in rows:
            reasons[i] = reasons[i] or "image caption (repeated line)"
    # A caption credited to a bare agency stands above more of the article; at its end it is the sign-off.
    for i, text in enumerate(paragraphs):
        if reasons[i] == "image caption" and _BARE_AGENCY.search(text):
            if not any(not reasons[j] and len(paragraphs[j]) >= 100 for j in range(i + 1, len(paragraphs))):
                reasons[i] = None
    _mark_running_headers(paragraphs, reasons)
    _mark_contents(paragraphs, reasons)
    _mark_publisher_blurbs(paragraphs, reasons)
    _mark_author_notes(paragraphs, reasons)
    _mark_caption_labels(paragraphs, reasons)
    _mark_footnotes(paragraphs, reasons)
    _classify_closing_block(paragraphs, reasons)
    return reasons


REPEATED_PROSE_CHARS = 150


def _printed_twice(text: str, rows: list[int]) -> bool:
    """A long sentence printed again far from its first copy: the page holds its article twice (a saved
    page with a print version). A caption sits right next to its copy, a headline ends no sentence."""
    apart = all(b - a > 1 for a, b in zip(rows, rows[1:]))
    return apart and len(text) >= REPEATED_PROSE_CHARS and bool(re.search(r"[.!?][\"”’»)]?$", text))


def _words_only(text: str) -> str:
    """A line's words without its numbers and marks: a page's running header, page number aside."""
    return " ".join(re.findall(r"[^\W\d_]+", text.casefold()))


# A page number stands at a line's edge, bare: "36 Jane Doe", "… Page 2 ] 2" (not "1." nor a year).
_PAGE_NUMBER = re.compile(r"^\d{1,3}\s|\s\d{1,3}$")


def _mark_running_headers(paragraphs: list[str], reasons: list[str | None]) -> None:
    """A line printed again and again with only a number changed ("GLPS Page 2 … 2", "36 Jane Doe and
    John Roe") is a printed page's running header or footer. The copy without a number (the byline or
    the title it repeats) is left to the header reader."""
    groups: dict[str, list[int]] = {}
    for i, text in enumerate(paragraphs):
        if len(text) <= 200:
            key = _words_only(text)
            if len(key.split()) >= 3:
                groups.setdefault(key, []).append(i)
    for rows in groups.values():
        numbered = [i for i in rows if _PAGE_NUMBER.search(paragraphs[i])]
        if len(rows) >= 2 and numbered and len({line_key(paragraphs[i]) for i in rows}) > 1:
            for i in numbered:
                reasons[i] = reasons[i] or "running page header"


_DOT_LEADER = re.compile(r"(?:\.\s?){4,}\s*[\divxlc]{1,4}\b|…{2,}\s*\d", re.I)
# A dash or a colon before the number makes a label and its value ("BJP – 240"), not a heading and its page.
_CONTENTS_ENTRY = re.compile(r"^(?P<heading>[^\d.!?][^.!?]{2,100}?)(?<![–—:=-])\s+(?P<page>\d{1,3})$")
_CONTENTS_GLUED = re.compile(r"^[^\d.!?][^.!?]{2,100}?\s+(?P<page>\d{1,3})\s")
CONTENTS_RUN = 3


def _mark_contents(paragraphs: list[str], reasons: list[str | None]) -> None:
    """A table of contents: lines with dot leaders to a page number ("Executive Summary ...... i"), or a
    run of at least three headings each ending with a page number, the numbers going up ("Changing
    Attitudes 2", "A Flexible Impasse 3", "Conclusions 13")."""
    n = len(paragraphs)
    for i, text in enumerate(paragraphs):
        if not reasons[i] and _DOT_LEADER.search(text):
            reasons[i] = "table of contents"
    i = 0
    while i < n:
        j, last_page = i, -1
        while j < n and not reasons[j] and (entry := _CONTENTS_ENTRY.match(paragraphs[j])) and int(entry["page"]) >= last_page:
            last_page = int(entry["page"])
            j += 1
        if j - i >= CONTENTS_RUN:
            # The last entry may have the next heading's first word glued on ("Conclusions 13 About the").
            glued = _CONTENTS_GLUED.match(paragraphs[j]) if j < n and not reasons[j] and len(paragraphs[j]) <= 120 else None
            if glued and int(glued["page"]) >= last_page:
                j += 1
            for k in range(i, j):
                reasons[k] = "table of contents"
        i = max(j, i + 1)


def _mark_publisher_blurbs(paragraphs: list[str], reasons: list[str | None]) -> None:
    """A publisher's name on a line of its own and its self-description under it ("is an independent,
    non-profit public policy organization based in …"), with its mission statement after it, wherever
    they stand (a report's inside cover). In the closing block the name may open the sentence itself."""
    for i in range(1, len(paragraphs)):
        text = paragraphs[i]
        if reasons[i] or len(text) > 1000 or not re.match(r"(?:is|are)\s", text) or not _ORG_BLURB.search(text):
            continue
        name = paragraphs[i - 1]
        if reasons[i - 1] or len(name) > 80 or len(name.split()) > 8 or _TERMINAL.search(name) or not name[:1].isupper():
            continue
        reasons[i - 1] = reasons[i] = "publisher's self-description"
        if i + 1 < len(paragraphs) and not reasons[i + 1] and len(paragraphs[i + 1]) <= 1000 and _MISSION.search(paragraphs[i + 1]):
            reasons[i + 1] = "publisher's self-description"


_BYLINE_LABEL = re.compile(r"^(?:by|authors?|text|written by|prepared by)\b\s*:?\s*", re.I)
_NAME_SEPARATOR = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*")


def _named_on_a_byline(name: str, paragraphs: list[str], note_at: int) -> bool:
    """Whether a byline or author line names the person: a line of names and nothing else ("By Jane
    Doe", "Jane Doe* and John Roe**"). A speaker's label in an interview ("Jane Doe:") is not one."""
    for j, line in enumerate(paragraphs):
        if j == note_at or len(line) > 120 or name not in line:
            continue
        names = _BYLINE_LABEL.sub("", line.strip()).replace("*", "").translate(str.maketrans("", "", "†‡0123456789"))
        if all(looks_like_name(part) for part in _NAME_SEPARATOR.split(names.strip())):
            return True
    return False


# Furniture written as sentences; a line of it that stops mid-sentence goes on in the next line.
_NOTE_REASONS = ("author biography", "report colophon", "publisher's disclaimer", "publisher's self-description", "footnote")
CONTINUATION_LINES = 3
CONTINUATION_CHARS = 250  # the pieces of a wrapped note are short; an article's paragraph is not taken
_NOTE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had)\b")


def _mark_author_notes(paragraphs: list[str], reasons: list[str | None]) -> None:
    """A note about a person whom the byline or an author line names ("P. R. Chari is a research
    professor at …") is the author's biography wherever it stands, at the top of a report as at the
    end of an article: an article does not describe its own author. A report's "This report analyzes
    …" beside such notes is their box's summary. Notes cut mid-sentence take the lines that end them."""
    n = len(paragraphs)
    for i, text in enumerate(paragraphs):
        if reasons[i] or len(text) > 600:
            continue
        name = author_in_note(text)
        if name and _named_on_a_byline(name, paragraphs, i):
            reasons[i] = "author biography"
    for i in range(n):
        # Only a note written as a sentence ("… is a research professor at the") is visibly cut when it
        # stops unpunctuated; "Jane Doe, Associate Professor, State University" is complete as it is.
        if reasons[i] in _NOTE_REASONS and len(paragraphs[i]) > 40 and _NOTE_VERB.search(paragraphs[i]):
            j = i
            while (j + 1 < n and j - i < CONTINUATION_LINES and not _TERMINAL.search(paragraphs[j].rstrip())
                   and not reasons[j + 1] and len(paragraphs[j + 1]) <= CONTINUATION_CHARS):
                j += 1
                reasons[j] = reasons[i]
    for i, text in enumerate(paragraphs):
        beside = {reasons[k] for k in (i - 1, i + 1) if 0 <= k < n}
        if not reasons[i] and len(text) <= 1000 and _ABOUT_THIS.match(text) and beside & {"author biography", "report colophon"}:
            reasons[i] = "report summary box"


_CREDIT_REASONS = ("photo credit", "image caption")
_ENDS_WITH_DATE = re.compile(r"(?:[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4})\.?$")


def _mark_caption_labels(paragraphs: list[str], reasons: list[str | None]) -> None:
    """A photo's name tag ("China", "Jane Doe") stands right above its credit; a dated sentence right
    above a credit of its own ("Photo credit: …") is the caption it credits."""
    for i in range(len(paragraphs) - 1):
        below = reasons[i + 1]
        credit_below = below in _CREDIT_REASONS or (below == "copyright notice" and len(paragraphs[i + 1]) <= 60)
        if reasons[i] or not credit_below:
            continue
        text = paragraphs[i]
        if _is_short_label(text) and not parse_date(text, allow_year=True):
            reasons[i] = "image caption"
        elif below == "photo credit" and len(text) <= 300 and (match := _ENDS_WITH_DATE.search(text)) and parse_date(match.group().rstrip(".")):
            reasons[i] = "image caption"


_FOOTNOTE_MARK = re.compile(r"^(?:\*{1,3}|[†‡]{1,2})$")
_FOOTNOTE_START = re.compile(r"^(?P<mark>\*{1,3}|[†‡]{1,2})\s+\S")


def _mark_footnotes(paragraphs: list[str], reasons: list[str | None]) -> None:
    """A footnote mark ("*", "**", "†") that some line of the document carries on a word ("Jane Doe*")
    opens a footnote where it starts a line: on a line of its own, the footnote runs to the end of its
    sentence, at most three lines."""
    for i, text in enumerate(paragraphs):
        start = _FOOTNOTE_START.match(text) if len(text) <= 300 else None
        mark = start.group("mark") if start else text if _FOOTNOTE_MARK.match(text) else None
        if not mark:
            continue
        anchored = re.compile(rf"[^\W\d_]{re.escape(mark)}(?![*†‡])")
        if not any(anchored.search(p) for j, p in enumerate(paragraphs) if j != i and len(p) <= 300):
            continue
        reasons[i] = "footnote"
        if start:
            continue
        for j in range(i + 1, min(len(paragraphs), i + 4)):
            if reasons[j] or len(paragraphs[j]) > 300 or _FOOTNOTE_MARK.match(paragraphs[j]):
                break
            reasons[j] = "footnote"
            if paragraphs[j].rstrip().endswith((".", "!", "?")):
                break


def _classify_closing_block(paragraphs: list[str], reasons: list[str | None]) -> None:
    """Walk back from the end over furniture, author notes and bare name lines; stop at article text.

    Lines such as "He can be found on Twitter" count as biography only when an author note
    stands above them in the same closing block."""
    n = len(paragraphs)
    _mark_below_footer(paragraphs, reasons)
    pending: list[int] = []
    for i in range(n - 1, max(-1, n - 1 - TAIL_WINDOW), -1):
        if reasons[i]:
            continue
        text = paragraphs[i]
        if len(text) <= 1000 and (_ORG_BLURB.search(text) or (_MISSION.search(text) and reasons[i - 1] == "publisher's self-description")):
            reasons[i] = "publisher's self-description"
        elif author_in_note(text):
            reasons[i] = "author biography"
            for j in pending:
                reasons[j] = "author biography"
            pending.clear()
        elif _is_short_label(text) and i > 0:
            reasons[i] = "author signature" if looks_like_name(text) else "publication name"
        elif len(text) <= 600 and _BIO_FOLLOW_UP.search(text):
            pending.append(i)
        else:
            break


def _mark_below_footer(paragraphs: list[str], reasons: list[str | None]) -> None:
    """The few lines under a page's footer (a comment form, a copyright line) or under another
    article's time stamp or view count belong to the page, not to the article: comment rules, the
    site's self-description, the next story's teaser. Only when article text stands above the footer
    and nothing long comes under it."""
    n = len(paragraphs)
    below: list[int] = []
    for i in range(n - 1, max(-1, n - 1 - TAIL_WINDOW), -1):
        reason = reasons[i]
        footer = reason == "comment form" or (reason == "copyright notice" and _FOOTER_COPYRIGHT.search(paragraphs[i]))
        if footer or (reason == "page widget" and _CARD_STAMP.match(line_key(paragraphs[i]))):
            article_above = sum(len(paragraphs[j]) for j in range(i) if not reasons[j]) >= ARTICLE_ABOVE_FOOTER
            if below and article_above:
                for j in below:
                    reasons[j] = "below the page's footer"
            return
        if not reason:
            if len(paragraphs[i]) > 600 or len(below) >= FOOTER_LINES:
                return
            below.append(i)
