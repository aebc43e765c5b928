"""Every sentence the bot says to people, in Bulgarian and English, looked up by key."""

from __future__ import annotations

LANGUAGES = ("bg", "en")

TEXTS: dict[str, dict[str, str]] = {
    # --- statuses and labels of project fields
    "status.planned": {"bg": "предстои", "en": "planned"},
    "status.ongoing": {"bg": "в изпълнение", "en": "ongoing"},
    "status.completed": {"bg": "приключил", "en": "completed"},
    "label.status": {"bg": "Статус", "en": "Status"},
    "label.total": {"bg": "Обща стойност", "en": "Total cost"},
    "label.grant": {"bg": "Безвъзмездна помощ", "en": "Grant"},
    "label.own": {"bg": "Собствен принос", "en": "Own contribution"},
    "label.share": {"bg": "{percent} от общата стойност", "en": "{percent} of the total"},
    "label.funding": {"bg": "Финансиране", "en": "Funded by"},
    "label.programme": {"bg": "Програма", "en": "Programme"},
    "label.programme_code": {"bg": "Процедура / бюджетна линия", "en": "Procedure / budget line"},
    "label.contract_number": {"bg": "Договор №", "en": "Contract No."},
    "label.contract_date": {"bg": "Подписан на", "en": "Signed on"},
    "label.start": {"bg": "Начало", "en": "Start"},
    "label.end": {"bg": "Край", "en": "End"},
    "label.duration": {"bg": "Продължителност", "en": "Duration"},
    "label.beneficiary": {"bg": "Бенефициент", "en": "Beneficiary"},
    "label.address": {"bg": "Адрес", "en": "Address"},
    "label.phone": {"bg": "Телефон", "en": "Phone"},
    "label.email": {"bg": "Имейл", "en": "E-mail"},
    "label.website": {"bg": "Сайт", "en": "Website"},
    "label.hours": {"bg": "Работно време", "en": "Office hours"},
    "months.one": {"bg": "{n} месец", "en": "{n} month"},
    "months.many": {"bg": "{n} месеца", "en": "{n} months"},
    "rate.note": {
        "bg": "Сумите в евро са по фиксирания курс 1 € = 1,95583 лв.",
        "en": "Euro amounts use the fixed rate 1 EUR = 1.95583 BGN.",
    },
    # --- headings
    "heading.activities": {"bg": "Дейности", "en": "Activities"},
    "heading.goals": {"bg": "Цели", "en": "Goals"},
    "heading.results": {"bg": "Резултати", "en": "Results"},
    "heading.target_groups": {"bg": "Целеви групи", "en": "Target groups"},
    "heading.partners": {"bg": "Партньори", "en": "Partners"},
    "heading.contractors": {"bg": "Изпълнители", "en": "Contractors"},
    "heading.contacts": {"bg": "Контакти", "en": "Contacts"},
    "heading.news": {"bg": "Новини", "en": "News"},
    "heading.location": {"bg": "Къде", "en": "Where"},
    "heading.links": {"bg": "Връзки", "en": "Links"},
    "heading.latest_news": {"bg": "Последни новини", "en": "Latest news"},
    "heading.projects": {"bg": "Проектите на общината", "en": "The municipality's projects"},
    "heading.group.ongoing": {"bg": "В изпълнение", "en": "Ongoing"},
    "heading.group.planned": {"bg": "Предстоящи", "en": "Planned"},
    "heading.group.completed": {"bg": "Приключили", "en": "Completed"},
    "heading.municipality_contacts": {"bg": "Контакти на общината", "en": "Municipality contacts"},
    # --- plain statements
    "partners.none": {"bg": "Проектът няма партньори.", "en": "The project has no partners."},
    "result.activity": {"bg": "резултат", "en": "result"},
    "news.more": {"bg": "Още новини: общо {n}.", "en": "More news: {n} in all."},
    "status.sentence.planned": {"bg": "Проектът предстои.", "en": "The project is planned."},
    "status.sentence.ongoing": {"bg": "Проектът е в изпълнение.", "en": "The project is ongoing."},
    "status.sentence.completed": {"bg": "Проектът е приключил.", "en": "The project is completed."},
    # --- missing facts, said honestly
    "missing.budget": {
        "bg": "Стойността на проекта не е публикувана в нашите данни.",
        "en": "The cost of this project is not in our data.",
    },
    "missing.dates": {
        "bg": "Датите на проекта не са публикувани в нашите данни.",
        "en": "The dates of this project are not in our data.",
    },
    "dates.from_news": {
        "bg": "Дати от новините за проекта:",
        "en": "Dates from the project's news:",
    },
    "missing.end": {
        "bg": "Крайната дата не е публикувана.",
        "en": "The end date is not published.",
    },
    "missing.contract": {
        "bg": "Данните за договора не са публикувани в нашите данни.",
        "en": "The contract details are not in our data.",
    },
    "missing.programme": {
        "bg": "Програмата, която финансира проекта, не е посочена в нашите данни.",
        "en": "The programme funding this project is not in our data.",
    },
    "missing.activities": {
        "bg": "Дейностите по проекта не са описани в нашите данни.",
        "en": "The activities of this project are not described in our data.",
    },
    "missing.goals": {
        "bg": "Целите на проекта не са описани в нашите данни.",
        "en": "The goals of this project are not described in our data.",
    },
    "missing.results": {
        "bg": "Резултатите от проекта не са описани в нашите данни.",
        "en": "The results of this project are not described in our data.",
    },
    "missing.target_groups": {
        "bg": "Целевите групи на проекта не са посочени в нашите данни.",
        "en": "The target groups of this project are not in our data.",
    },
    "missing.partners": {
        "bg": "Не е посочено дали проектът има партньори.",
        "en": "Our data does not say whether the project has partners.",
    },
    "missing.contractors": {
        "bg": "Изпълнителите на проекта не са посочени в нашите данни.",
        "en": "The contractors of this project are not in our data.",
    },
    "missing.news": {
        "bg": "Още няма новини за този проект.",
        "en": "There is no news about this project yet.",
    },
    "missing.location": {
        "bg": "Мястото на проекта не е посочено в нашите данни.",
        "en": "The location of this project is not in our data.",
    },
    "missing.contacts": {
        "bg": "За този проект няма отделно лице за контакт; обърнете се към общината.",
        "en": "This project has no contact of its own; please contact the municipality.",
    },
    "missing.ask": {
        "bg": "За повече информация се обърнете към общината:",
        "en": "For more, please contact the municipality:",
    },
    # --- conversation
    "fallback": {
        "bg": "Съжалявам, не намерих отговор на този въпрос.",
        "en": "Sorry, I could not find an answer to that question.",
    },
    "fallback.suggest": {"bg": "Може би питате за:", "en": "Perhaps you are asking about:"},
    "fallback.contact": {
        "bg": "Можете да попитате и общината:",
        "en": "You can also ask the municipality:",
    },
    "clarify": {
        "bg": "Не съм сигурен за кой проект питате. Имахте ли предвид:",
        "en": "I am not sure which project you mean. Did you mean:",
    },
    "which_project": {
        "bg": "За кой проект питате? Напишете името му или изберете от списъка:",
        "en": "Which project do you mean? Type its name or pick one from the list:",
    },
    "see_also": {"bg": "Вижте също:", "en": "See also:"},
    "greeting": {
        "bg": "Здравейте! Аз съм ботът на {name}. Питайте ме за проектите на общината: какво "
        "представляват, колко струват, кой ги финансира, кога започват и приключват, "
        "какво е направено, новини и контакти.",
        "en": "Hello! I am the bot of {name}. Ask me about the municipality's projects: what "
        "they are, what they cost, who pays, when they start and end, what was done, "
        "the news and whom to call.",
    },
    "thanks": {
        "bg": "Моля! Питайте, ако имате още въпроси.",
        "en": "You are welcome! Ask if you have more questions.",
    },
    "examples": {
        "bg": "Например: „Колко струва проектът за мониторинг?“, „Кога започва ремонтът "
        "на улиците?“, „Контакти“.",
        "en": 'For example: "How much does the monitoring project cost?", "When does '
        'the street repair start?", "Contacts".',
    },
    # --- Telegram: buttons
    "button.projects": {"bg": "📋 Проекти", "en": "📋 Projects"},
    "button.news": {"bg": "📰 Последни новини", "en": "📰 Latest news"},
    "button.contacts": {"bg": "☎️ Контакти", "en": "☎️ Contacts"},
    "button.language": {"bg": "🌐 Език / Language", "en": "🌐 Language / Език"},
    "button.topic.summary": {"bg": "ℹ️ За проекта", "en": "ℹ️ About"},
    "button.topic.budget": {"bg": "💰 Бюджет", "en": "💰 Budget"},
    "button.topic.dates": {"bg": "📅 Срокове", "en": "📅 Dates"},
    "button.topic.activities": {"bg": "🛠 Дейности", "en": "🛠 Activities"},
    "button.topic.results": {"bg": "✅ Резултати", "en": "✅ Results"},
    "button.topic.news": {"bg": "📰 Новини", "en": "📰 News"},
    "button.topic.contacts": {"bg": "☎️ Контакти", "en": "☎️ Contacts"},
    "button.previous": {"bg": "◀️ Назад", "en": "◀️ Back"},
    "button.next": {"bg": "Напред ▶️", "en": "Next ▶️"},
    "button.news_link": {"bg": "🔗 {title}", "en": "🔗 {title}"},
    "button.lang.bg": {"bg": "Български", "en": "Български"},
    "button.lang.en": {"bg": "English", "en": "English"},
    "button.follow": {"bg": "🔔 Следвай проекта", "en": "🔔 Follow this project"},
    "button.unfollow": {"bg": "🔕 Спри да следваш", "en": "🔕 Stop following"},
    "button.following": {"bg": "🔔 Следвани проекти", "en": "🔔 Followed projects"},
    # --- Telegram: messages
    "follow.done": {
        "bg": "Ще получавате новините за този проект.",
        "en": "You will get this project's news.",
    },
    "unfollow.done": {
        "bg": "Вече не следвате този проект.",
        "en": "You no longer follow this project.",
    },
    "feedback.thanks": {"bg": "Благодарим за оценката!", "en": "Thank you for the feedback!"},
    "following.none": {
        "bg": "Не следвате нито един проект. Натиснете „Следвай“ под отговор за проект.",
        "en": 'You follow no projects. Press "Follow" under an answer about a project.',
    },
    "following.title": {
        "bg": "Следвате тези проекти (натиснете, за да спрете):",
        "en": "You follow these projects (press one to stop):",
    },
    "subscribe.done": {
        "bg": "Абонирахте се за съобщенията на общината. С /unsubscribe се отписвате.",
        "en": "You are subscribed to the municipality's announcements. Send /unsubscribe to stop.",
    },
    "unsubscribe.done": {
        "bg": "Отписахте се от съобщенията на общината.",
        "en": "You are unsubscribed from the municipality's announcements.",
    },
    "help": {
        "bg": "Пишете ми въпрос за проект на общината, както бихте попитали човек: „Колко струва "
        "ремонтът на улиците?“, „Кога приключва топлият обяд?“, „Кой финансира парка?“. "
        "Може и на латиница.\n\nКоманди:\n/projects – всички проекти\n/news – последни "
        "новини\n/contacts – контакти на общината\n/language – език\n/help – тази помощ",
        "en": 'Ask me about a municipal project as you would ask a person: "How much does the '
        'street repair cost?", "When does the hot lunch end?", "Who pays for the '
        'park?".\n\nCommands:\n/projects – all projects\n/news – latest news\n'
        "/contacts – the municipality's contacts\n/language – language\n/help – this help",
    },
    "projects.title": {
        "bg": "Проектите на общината (стр. {page} от {pages}). Изберете проект:",
        "en": "The municipality's projects (page {page} of {pages}). Pick one:",
    },
    "language.choose": {"bg": "Изберете език:", "en": "Choose a language:"},
    "language.set": {
        "bg": "Готово, ще ви отговарям на български.",
        "en": "Done, I will answer you in English.",
    },
    "unknown_command": {
        "bg": "Не познавам тази команда. Вижте /help.",
        "en": "I do not know that command. See /help.",
    },
    "non_text": {
        "bg": "Разбирам само текст. Напишете въпроса си, например „Колко струва "
        "паркът?“, или изберете от /projects.",
        "en": 'I understand only text. Type your question, for example "How much '
        'does the park cost?", or pick from /projects.',
    },
    "flood": {
        "bg": "Изпращате много съобщения наведнъж. Ще ви отговоря отново след минута.",
        "en": "You are sending a lot of messages. I will answer again in a minute.",
    },
    "too_long": {
        "bg": "Съобщението е много дълго; прочетох началото му.",
        "en": "Your message is very long; I read its beginning.",
    },
    "error": {
        "bg": "Нещо се обърка от моя страна. Опитайте пак след малко.",
        "en": "Something went wrong on my side. Please try again in a moment.",
    },
    "stale_button": {
        "bg": "Този бутон вече не е валиден.",
        "en": "This button is no longer valid.",
    },
    "did_you_mean": {"bg": "Имахте ли предвид:", "en": "Did you mean:"},
    "inline.none": {"bg": "Няма намерен проект", "en": "No project found"},
    "inline.hint": {
        "bg": "Напишете въпрос за проект на общината",
        "en": "Type a question about a municipal project",
    },
    "command.start": {"bg": "Начало", "en": "Start"},
    "command.projects": {"bg": "Всички проекти", "en": "All projects"},
    "command.news": {"bg": "Последни новини", "en": "Latest news"},
    "command.contacts": {"bg": "Контакти на общината", "en": "Municipality contacts"},
    "command.language": {"bg": "Език / Language", "en": "Language / Език"},
    "command.help": {"bg": "Помощ", "en": "Help"},
    # --- console chat
    "console.help": {
        "bg": "Пишете въпроса си. /lang bg|en сменя езика, /quit излиза.",
        "en": "Type your question. /lang bg|en sets the language, /quit leaves.",
    },
    "console.lang": {"bg": "Език: {code}", "en": "Language: {code}"},
    "console.pick": {
        "bg": "Напишете номера на проекта, за да го изберете.",
        "en": "Type a project's number to pick it.",
    },
}


def t(key: str, lang: str, **values: object) -> str:
    """The text for key in lang (Bulgarian if lang is unknown), with values filled in."""
    entry = TEXTS[key]
    text = entry.get(lang) or entry["bg"]
    return text.format(**values) if values else text


def months(count: int, lang: str) -> str:
    """'9 месеца' / '9 months' with the right singular or plural."""
    return t("months.one" if count == 1 else "months.many", lang, n=count)
