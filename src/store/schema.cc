// Schema creation, version checks and migrations for the quote index.
#include "src/store/schema.h"

#include <string>

namespace whosaid::internal {
namespace {

// Version 3. Text columns holding lists (titles, aliases, authors) are JSON
// arrays. quote_fts is external-content: it indexes text stored once in
// quotes, with full detail so phrases work. article_fts is contentless and
// filled on request (Store::IndexArticleText) rather than per article:
// tokenising article text was a quarter of indexing CPU and nothing queries
// it, so it is an opt-in bulk pass. Its rowids are article ids, indexed in
// ascending order, so the pass resumes after the largest rowid present.
// detail=column (word and column queries, no phrases) keeps it small.
// quote_fts is filled once per transaction from the new quote rows. Both
// FTS5 tables buffer 16 MiB of terms in memory before writing a segment
// ('hashsize'; the default is 1 MiB): a bulk fill then writes a few large
// segments instead of hundreds that automerge merges again and again, 12-15%
// less CPU filling quote FTS at 300K quotes. It is a setting stored in the
// tables' %_config, not schema: a database without it reads the same. The
// writer's clustering lookups (text hash and winnowed fingerprints to
// cluster) are not stored: the writer derives them from quotes and clusters
// in memory (ClusterIndex).
const char kSchema[] = R"sql(
CREATE TABLE schema_version(
  version INTEGER NOT NULL,
  application TEXT NOT NULL);
INSERT INTO schema_version(version, application) VALUES (3, 'whosaid');

CREATE TABLE outlets(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_norm TEXT NOT NULL UNIQUE);

CREATE TABLE articles(
  id INTEGER PRIMARY KEY,
  dedup_key TEXT NOT NULL UNIQUE,
  url TEXT,
  content_hash TEXT NOT NULL,
  doc_id TEXT NOT NULL,
  title TEXT,
  date TEXT,
  outlet_id INTEGER REFERENCES outlets(id),
  language TEXT,
  authors TEXT NOT NULL,
  cites TEXT NOT NULL,
  text TEXT NOT NULL,
  extra TEXT NOT NULL,
  simhash INTEGER NOT NULL,
  syndication_group INTEGER NOT NULL,
  quote_first INTEGER NOT NULL,
  quote_count INTEGER NOT NULL);

CREATE TABLE simhash_bands(
  band INTEGER NOT NULL,
  article_id INTEGER NOT NULL,
  PRIMARY KEY(band, article_id)) WITHOUT ROWID;

CREATE TABLE people(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_norm TEXT NOT NULL,
  first TEXT NOT NULL,
  surname TEXT NOT NULL,
  is_org INTEGER NOT NULL,
  titles TEXT NOT NULL,
  aliases TEXT NOT NULL,
  quote_count INTEGER NOT NULL DEFAULT 0);
CREATE INDEX people_surname ON people(surname);
CREATE INDEX people_name ON people(name_norm);
CREATE INDEX people_quote_count ON people(quote_count);

CREATE TABLE person_names(
  name_norm TEXT NOT NULL,
  person_id INTEGER NOT NULL,
  PRIMARY KEY(name_norm, person_id)) WITHOUT ROWID;

CREATE TABLE article_people(
  article_id INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  PRIMARY KEY(article_id, ord)) WITHOUT ROWID;

CREATE TABLE quotes(
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  type INTEGER NOT NULL,
  text TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  person_id INTEGER REFERENCES people(id),
  speaker TEXT,
  cue TEXT,
  addressee TEXT,
  addressee_norm TEXT,
  stmt_date TEXT,
  date TEXT,
  outlet_id INTEGER,
  cluster_id INTEGER NOT NULL,
  extra TEXT);

CREATE TABLE clusters(
  id INTEGER PRIMARY KEY,
  rep_quote_id INTEGER NOT NULL,
  rep_fingerprints INTEGER NOT NULL,
  person_id INTEGER,
  first_quote_id INTEGER NOT NULL,
  first_date TEXT,
  first_outlet_id INTEGER,
  occurrences INTEGER NOT NULL);

CREATE VIRTUAL TABLE quote_fts USING fts5(
  text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE article_fts USING fts5(
  title, text, content='', detail=column, tokenize='unicode61 remove_diacritics 2');
INSERT INTO quote_fts(quote_fts, rank) VALUES('hashsize', 16777216);
INSERT INTO article_fts(article_fts, rank) VALUES('hashsize', 16777216);
)sql";

// The secondary indexes that only queries read: the writer never looks rows
// up through them, so a bulk build creates them once at the end (sorting
// once beats updating three B-trees per quote).
const char kQueryIndexes[] = R"sql(
CREATE INDEX articles_group ON articles(syndication_group);
CREATE INDEX quotes_person ON quotes(person_id, date);
CREATE INDEX quotes_cluster ON quotes(cluster_id);
CREATE INDEX quotes_date ON quotes(date);
)sql";

// Version 1 kept article_fts external-content and filled it per article.
// The contentless table starts empty; IndexArticleText fills it again.
const char kMigrateV1ToV2[] = R"sql(
DROP TABLE article_fts;
CREATE VIRTUAL TABLE article_fts USING fts5(
  title, text, content='', detail=column, tokenize='unicode61 remove_diacritics 2');
UPDATE schema_version SET version = 2;
)sql";

// Version 2 stored the writer's clustering lookups (cluster_keys,
// cluster_fingerprints). Version 3 derives them from quotes and clusters in
// the writer's memory instead, so dropping them loses nothing.
const char kMigrateV2ToV3[] = R"sql(
DROP TABLE cluster_keys;
DROP TABLE cluster_fingerprints;
UPDATE schema_version SET version = 3;
)sql";

// Migrations[v] takes a database from version v to v + 1. Version 1 is the
// first; later versions add their step here.
const char* const kMigrations[] = {nullptr, kMigrateV1ToV2, kMigrateV2ToV3};

bool HasTable(Db* db, const char* name) {
  Statement st;
  if (!db->Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", &st).ok()) return false;
  st.Bind(1, name);
  Status s;
  return st.Step(&s);
}

}  // namespace

StatusOr<int> ReadSchemaVersion(Db* db) {
  Statement st;
  Status s = db->Prepare("SELECT count(*) FROM sqlite_master", &st);
  if (s.code() == Status::Code::kIoError) {
    // The file could not be read (a -shm file that cannot be created, a
    // permission): say that, not that the file is damaged.
    return Status::IoError(db->path() + ": cannot read the database (" +
                           sqlite3_errmsg(db->handle()) + ")");
  }
  if (!s.ok()) {
    return Status::Corruption(db->path() + ": not a whosaid database (not an SQLite file, or damaged)");
  }
  if (!st.Step(&s)) {
    return Status::Corruption(db->path() + ": not a whosaid database (" + s.message() + ")");
  }
  int64_t objects = st.Int(0);
  if (objects == 0) return 0;
  if (!HasTable(db, "schema_version")) {
    return Status::Unsupported(db->path() + ": an SQLite database but not a whosaid one (no schema_version table)");
  }
  Statement v;
  s = db->Prepare("SELECT version, application FROM schema_version", &v);
  if (!s.ok() || !v.Step(&s) || v.Text(1) != "whosaid") {
    return Status::Unsupported(db->path() + ": an SQLite database but not a whosaid one");
  }
  if (v.Int(0) < 1) {
    return Status::Unsupported(db->path() + ": invalid whosaid schema version " + std::to_string(v.Int(0)));
  }
  return static_cast<int>(v.Int(0));
}

Status PrepareSchema(Db* db, bool read_only, bool defer_query_indexes) {
  StatusOr<int> version = ReadSchemaVersion(db);
  if (!version.ok()) return version.status();
  if (*version == kSchemaVersion) return Status::Ok();
  if (*version == 0) {
    if (read_only) return Status::NotFound(db->path() + ": empty database; run 'whosaid index' first");
    Status s = db->Exec("BEGIN IMMEDIATE");
    if (s.ok()) {
      // Another process may have created it between our check and BEGIN.
      StatusOr<int> again = ReadSchemaVersion(db);
      if (again.ok() && *again == 0) s = db->Exec(kSchema);
      if (s.ok() && !defer_query_indexes) s = db->Exec(kQueryIndexes);
      if (s.ok()) s = db->Exec("COMMIT");
    }
    if (!s.ok()) db->Exec("ROLLBACK");
    return s;
  }
  std::string found = std::to_string(*version);
  std::string want = std::to_string(kSchemaVersion);
  if (*version > kSchemaVersion) {
    return Status::Unsupported(db->path() + ": database schema version " + found +
                               " is newer than this whosaid build reads (" + want +
                               "); upgrade whosaid");
  }
  if (*version < 1 || kMigrations[*version] == nullptr) {
    return Status::Unsupported(db->path() + ": database schema version " + found +
                               " cannot be migrated to " + want + "; re-index the inputs into a new database");
  }
  if (read_only) {
    return Status::Unsupported(db->path() + ": database schema version " + found + " needs migrating to " +
                               want + "; open it once for writing (e.g. 'whosaid index') to migrate");
  }
  Status s = db->Exec("BEGIN IMMEDIATE");
  for (int v = *version; s.ok() && v < kSchemaVersion; ++v) s = db->Exec(kMigrations[v]);
  if (s.ok()) s = db->Exec("COMMIT");
  if (!s.ok()) db->Exec("ROLLBACK");
  return s;
}

Status CreateQueryIndexes(Db* db) { return db->Exec(kQueryIndexes); }

}  // namespace whosaid::internal
