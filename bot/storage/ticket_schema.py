"""Migrations 5 and 6: tickets ("Ask the municipality"): the question, the bot's guesses, the state,
the staff's draft (text, author, preview message) and answer; the messages that show a ticket in
the staff group; a delivery may carry a keyboard and a forum topic of its own; the citizens'
questions not sent yet, and where a ticket's Learn screen is (6)."""

TICKETS_SCHEMA = """
CREATE TABLE tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    user_id INTEGER NOT NULL,
    lang TEXT NOT NULL,
    question TEXT NOT NULL,
    project TEXT,
    topic TEXT,
    confidence REAL NOT NULL DEFAULT 0,
    contact TEXT,
    state TEXT NOT NULL DEFAULT 'open',
    reopened INTEGER NOT NULL DEFAULT 0,
    taken_by TEXT,
    draft TEXT,
    draft_by INTEGER,
    draft_lang TEXT,
    draft_message INTEGER,
    prompt_message INTEGER,
    answer TEXT,
    answer_lang TEXT,
    answered_by TEXT,
    answered_at TEXT,
    answer_notice INTEGER,
    feedback TEXT,
    learned INTEGER NOT NULL DEFAULT 0,
    posted_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX tickets_user ON tickets (user_id);
CREATE INDEX tickets_state ON tickets (state, created_at);
CREATE TABLE ticket_posts (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    broadcast_id INTEGER NOT NULL,
    PRIMARY KEY (ticket_id, broadcast_id)
);
CREATE INDEX ticket_posts_broadcast ON ticket_posts (broadcast_id);
ALTER TABLE deliveries ADD COLUMN markup TEXT;
ALTER TABLE deliveries ADD COLUMN thread_id INTEGER;
"""

DRAFTS_SCHEMA = """
CREATE TABLE ticket_drafts (
    user_id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    project TEXT,
    topic TEXT,
    confidence REAL NOT NULL DEFAULT 0,
    contact TEXT,
    updated_at TEXT NOT NULL
);
ALTER TABLE tickets ADD COLUMN learn_chat INTEGER;
ALTER TABLE tickets ADD COLUMN learn_message INTEGER;
"""
