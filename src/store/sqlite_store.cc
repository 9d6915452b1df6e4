// SqliteStore: opening a database, and the writer (AddArticles).
#include "src/store/sqlite_store.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>

#include "src/store/article_json_internal.h"
#include "src/store/schema.h"
#include "src/store/text_signature.h"
#include "src/util/json.h"
#include "src/util/utf8.h"
#include "whosaid/pipeline.h"

namespace whosaid {

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  return internal::SqliteStore::Open(path, options);
}

namespace internal {
namespace {

// Returns an SQLite URI opening path read-only as an immutable file.
std::string ImmutableUri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : std::filesystem::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20 || c >= 0x7F) {
      static const char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 0xF];
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri + "?immutable=1";
}

// The partial file of a bulk build is named PATH + this.
constexpr char kBulkSuffix[] = ".bulk-partial";

// Near-duplicate articles differ in at most this many SimHash bits; the
// four 16-bit bands guarantee such a pair shares one band exactly.
constexpr int kMaxSyndicationDistance = 3;
// Per band, only the articles with the smallest ids are compared.
constexpr size_t kMaxBandMatches = 32;
constexpr size_t kMinSyndicationWords = 50;
constexpr size_t kMaxTitles = 16;
constexpr size_t kMaxAliases = 32;
// The writer's caches of parsed and normalised names are dropped past this.
constexpr size_t kMaxCachedNames = size_t{1} << 16;
// The writer's cache of cluster representatives' words evicts past this
// many clusters (about 30 MB).
constexpr size_t kMaxCachedClusters = size_t{1} << 17;
// A fingerprint shared by many clusters (a stock phrase) counts for the
// first this many.
constexpr size_t kMaxFingerprintHolders = ClusterIndex::kHoldersKept;

// SimHash band b (0-3) of simhash: its 16 bits b, tagged with b. The
// band column of simhash_bands.
size_t SimHashBand(uint64_t simhash, int b) {
  return (static_cast<size_t>(b) << 16) | static_cast<size_t>((simhash >> (16 * b)) & 0xFFFF);
}

std::string JsonStrings(const std::vector<std::string>& v) {
  std::string out;
  JsonWriter w(&out);
  w.BeginArray();
  for (const std::string& s : v) w.String(s);
  w.EndArray();
  return out;
}

std::vector<std::string> ParseJsonStrings(const std::string& json) {
  std::vector<std::string> out;
  StatusOr<JsonValue> v = ParseJson(json);
  if (!v.ok() || !v->is_array()) return out;
  for (const JsonValue& item : v->items()) {
    if (item.is_string()) out.push_back(item.as_string());
  }
  return out;
}

void BindId(Statement* st, int i, int64_t id) {
  if (id > 0) st->Bind(i, id); else st->BindNull(i);
}

// Appends the decimal digits of v, as JsonWriter::Int writes them.
void AppendInt(int64_t v, std::string* out) {
  char digits[24];
  out->append(digits, std::to_chars(digits, digits + sizeof(digits), v).ptr);
}

// Appends a span as the object {"start":S,"end":E,"text":"..."}.
void AppendSpanJson(const Span& s, std::string* out) {
  out->append("{\"start\":");
  AppendInt(s.start, out);
  out->append(",\"end\":");
  AppendInt(s.end, out);
  out->append(",\"text\":");
  AppendJsonString(s.text, out);
  out->push_back('}');
}

// Sets *out to the JSON of the quote fields that have no column of their
// own. *out is the writer's scratch buffer: no allocation per quote once
// warm. Written directly rather than through JsonWriter (the same bytes:
// compact, keys needing no escapes): a JsonWriter call per key and number
// made this 3% of indexing CPU.
void QuoteExtraJson(const Quote& q, std::string* out) {
  out->assign("{");
  // Starts a member: a comma unless it is the first, then the key.
  auto key = [out](std::string_view k) {
    if (out->size() > 1) out->push_back(',');
    out->push_back('"');
    out->append(k);
    out->append("\":");
  };
  if (!q.parts.empty()) {
    key("parts");
    out->push_back('[');
    for (size_t i = 0; i < q.parts.size(); ++i) {
      if (i > 0) out->push_back(',');
      AppendSpanJson(q.parts[i], out);
    }
    out->push_back(']');
  }
  if (q.cue) { key("cue"); AppendSpanJson(*q.cue, out); }
  if (q.source) { key("source"); AppendSpanJson(*q.source, out); }
  if (q.speaker_id) { key("speaker_id"); AppendJsonString(*q.speaker_id, out); }
  if (q.attribution != "cue") { key("attribution"); AppendJsonString(q.attribution, out); }
  if (q.category != "speech") { key("category"); AppendJsonString(q.category, out); }
  if (q.within) { key("within"); AppendInt(*q.within, out); }
  out->push_back('}');
}

// Returns the byte offset of the first invalid UTF-8 sequence in text (where
// RepairUtf8 would put its first U+FFFD), or -1 when text is valid; then
// *code_points gets its length in code points. Copies nothing.
int64_t FirstInvalidUtf8(std::string_view text, int64_t* code_points) {
  int64_t count = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      ++count;
      continue;
    }
    char32_t cp;
    int n = DecodeUtf8(text, i, &cp);
    if (n == 0) return static_cast<int64_t>(i);
    i += static_cast<size_t>(n);
    ++count;
  }
  *code_points = count;
  return -1;
}

// Checks what the schema relies on; returns why the article cannot be stored.
Status ValidateArticle(const Article& a) {
  std::string name = a.id.empty() ? std::string("article") : "article '" + a.id + "'";
  if (a.text.empty()) return Status::InvalidArgument(name + ": empty text");
  int64_t length = 0;
  int64_t bad = FirstInvalidUtf8(a.text, &length);
  if (bad >= 0) return Status::InvalidArgument(name + ": invalid UTF-8 at byte " + std::to_string(bad));
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const Span& c = a.quotes[i].content;
    if (c.start < 0 || c.start > c.end || c.end > length) {
      return Status::InvalidArgument(name + ": quote " + std::to_string(i) + " span [" +
                                     std::to_string(c.start) + ", " + std::to_string(c.end) +
                                     ") outside the text");
    }
  }
  if (a.date && !IsValidDate(*a.date)) return Status::InvalidArgument(name + ": bad date '" + *a.date + "'");
  return Status::Ok();
}

}  // namespace

StatusOr<std::unique_ptr<Store>> SqliteStore::Open(const std::string& path, const StoreOptions& options) {
  if (path.empty()) return Status::InvalidArgument("empty database path");
  std::unique_ptr<SqliteStore> store(new SqliteStore());
  store->read_only_ = options.read_only;
  Db& db = store->db_;
  Status s;
  std::error_code ec;
  if (!options.read_only && options.bulk_build && !std::filesystem::exists(path, ec)) {
    s = store->OpenBulkFile(path);
    if (!s.ok()) return s;
  } else {
    int flags = SQLITE_OPEN_NOMUTEX;
    if (options.read_only) {
      flags |= SQLITE_OPEN_READONLY;
    } else {
      flags |= SQLITE_OPEN_READWRITE | (options.create_if_missing ? SQLITE_OPEN_CREATE : 0);
    }
    s = db.Open(path, flags);
    if (!s.ok()) return s;
    sqlite3_busy_timeout(db.handle(), 10000);
  }
  StatusOr<int> version = ReadSchemaVersion(&db);
  if (!version.ok() && options.read_only && !std::filesystem::exists(path + "-wal") &&
      access(std::filesystem::absolute(path).parent_path().c_str(), W_OK) != 0) {
    // Found by the fault tests: a WAL database (as the indexer leaves it)
    // in a directory we cannot write cannot be read, because SQLite must
    // create its -shm file first. With no -wal file no writer has it open,
    // so it is opened as immutable: read as it is, without shared memory.
    s = db.Open(path, SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READONLY, ImmutableUri(path));
    if (!s.ok()) return s;
    version = ReadSchemaVersion(&db);
  }
  if (!version.ok()) return version.status();
  if (!options.read_only) {
    s = store->ConfigureWriter();
    if (!s.ok()) return s;
  }
  // Readers memory-map the file: a query's random row reads then cost no
  // copy through the kernel, which matters more with 16 KiB pages. The file
  // is never truncated under a reader (rows are only added, and a bulk
  // build never replaces an existing file).
  s = db.Exec(options.read_only ? "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA mmap_size=4294967296;"
                                : "PRAGMA temp_store=MEMORY;");
  if (!s.ok()) return s;
  s = PrepareSchema(&db, options.read_only, /*defer_query_indexes=*/!store->final_path_.empty());
  if (!s.ok()) return s;
  if (!options.read_only) {
    s = store->Prepare();
    if (!s.ok()) return s;
  }
  return std::unique_ptr<Store>(std::move(store));
}

Status SqliteStore::ConfigureWriter() {
  // A new database gets 16 KiB pages (it must be set before the first write;
  // an existing file keeps its own): an article's text fits in one or two
  // pages instead of an overflow chain, and B-trees are shallower. Measured
  // side by side at 300K quotes: 8-11% less indexing CPU (bulk and
  // incremental) for a file 6% larger.
  Status s = db_.Exec("PRAGMA page_size=16384;");
  if (!s.ok()) return s;
  if (!final_path_.empty()) {
    // The partial file is deleted or rebuilt after a crash, so it needs no
    // durable journal; the journal in memory still lets a failed batch roll
    // back. The exclusive lock keeps a second bulk build out of it, so it
    // is also safe to memory-map: Finish reads every quote and article row
    // several times (quote FTS, one scan per query index), and mapped reads
    // skip a copy through the kernel per page.
    return db_.Exec("PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF;"
                    "PRAGMA cache_size=-262144; PRAGMA mmap_size=4294967296;");
  }
  s = db_.Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144;");
  if (!s.ok()) return s;
  // Fewer, larger checkpoints: the indexer writes in big transactions. A
  // checkpoint every 32 MiB of WAL, whatever the file's page size.
  Statement page_size;
  s = db_.Prepare("PRAGMA page_size", &page_size);
  if (s.ok() && !page_size.Step(&s) && s.ok()) s = Status::IoError(db_.path() + ": PRAGMA page_size gave no row");
  if (!s.ok()) return s;
  int64_t pages = (int64_t{32} << 20) / std::max<int64_t>(page_size.Int(0), 512);
  return db_.Exec(("PRAGMA wal_autocheckpoint=" + std::to_string(pages) + ";").c_str());
}

Status SqliteStore::OpenBulkFile(const std::string& path) {
  std::string partial = path + kBulkSuffix;
  std::error_code ec;
  if (std::filesystem::exists(partial, ec)) {
    // Left by a bulk build that was killed, unless one is running: that one
    // holds an exclusive lock on it.
    Db stale;
    Status s = stale.Open(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
    if (s.ok()) s = stale.Exec("BEGIN EXCLUSIVE; ROLLBACK;");
    // A build killed mid-write leaves a damaged file (it writes without a
    // durable journal); SQLite only reports that once it holds the lock, so
    // no build is running on it and it is stale like any other.
    if (s.code() == Status::Code::kCorruption) s = Status::Ok();
    if (!s.ok()) {
      return Status::IoError(partial + ": another bulk build of " + path +
                             " seems to be running (or the file cannot be replaced): " + s.message());
    }
    stale.Close();
    std::filesystem::remove(partial + "-journal", ec);
    if (!std::filesystem::remove(partial, ec) && ec) {
      return Status::IoError(partial + ": cannot remove the partial file of an earlier bulk build: " + ec.message());
    }
  }
  final_path_ = path;
  return db_.Open(partial, SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
}

SqliteStore::~SqliteStore() {
  if (final_path_.empty() || keep_bulk_file_) return;
  // An unfinished bulk build leaves nothing behind.
  CloseDb();
  std::error_code ec;
  std::filesystem::remove(final_path_ + kBulkSuffix + "-journal", ec);
  std::filesystem::remove(final_path_ + kBulkSuffix, ec);
}

Status SqliteStore::CloseDb() {
  for (Statement* st : {&find_article_, &insert_article_, &insert_band_, &find_band_, &find_outlet_,
                        &insert_outlet_, &people_by_surname_, &people_by_org_, &insert_person_, &update_person_,
                        &count_person_quotes_, &insert_person_name_, &insert_article_person_, &insert_quote_,
                        &index_quote_text_, &insert_cluster_, &update_cluster_, &set_cluster_rep_, &cluster_rep_text_}) {
    st->Finalize();
  }
  return db_.Close();
}

Status SqliteStore::Finish() {
  if (final_path_.empty() || keep_bulk_file_) return Status::Ok();
  Status s = db_.Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  s = AddDeferredQuoteCounts();
  if (s.ok()) s = CreateQueryIndexes(&db_);
  // One pass over every quote: FTS5 writes few, large segments.
  if (s.ok()) s = db_.Exec("INSERT INTO quote_fts(rowid, text) SELECT id, text FROM quotes ORDER BY id");
  if (s.ok()) s = db_.Exec("COMMIT");
  if (!s.ok()) {
    db_.Exec("ROLLBACK");
    return s;
  }
  deferred_quote_counts_.clear();  // Written.
  s = InstallBulkFile();
  if (!s.ok()) return s;
  // From here on the store is an ordinary writer on the final path.
  std::string path = final_path_;
  final_path_.clear();
  ResetWriterState();
  s = db_.Open(path, SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READWRITE);
  if (s.ok()) {
    sqlite3_busy_timeout(db_.handle(), 10000);
    s = ConfigureWriter();
  }
  if (s.ok()) s = db_.Exec("PRAGMA temp_store=MEMORY;");
  if (s.ok()) s = Prepare();
  return s;
}

Status SqliteStore::InstallBulkFile() {
  std::string partial = final_path_ + kBulkSuffix;
  Status s = CloseDb();
  if (!s.ok()) return s;
  auto sync_path = [](const std::string& p, int flags) {
    int fd = open(p.c_str(), flags);
    if (fd < 0) return false;
    bool ok = fsync(fd) == 0;
    close(fd);
    return ok;
  };
  if (!sync_path(partial, O_RDONLY)) return Status::IoError(partial + ": cannot sync the bulk-built file");
  // Never replace a database that appeared under path meanwhile.
  int rc = renameat2(AT_FDCWD, partial.c_str(), AT_FDCWD, final_path_.c_str(), RENAME_NOREPLACE);
  if (rc != 0 && errno == EINVAL) {
    // No RENAME_NOREPLACE on this file system: link, then unlink.
    rc = link(partial.c_str(), final_path_.c_str());
    if (rc == 0) unlink(partial.c_str());
  }
  if (rc != 0) {
    std::string why = errno == EEXIST ? "it was created while the bulk build ran" : std::strerror(errno);
    keep_bulk_file_ = true;
    db_.Open(partial, SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READWRITE);
    return Status::IoError(final_path_ + ": cannot install the bulk-built database (" + why +
                           "); it is complete in " + partial);
  }
  std::string dir = std::filesystem::absolute(final_path_).parent_path().string();
  if (!sync_path(dir, O_RDONLY | O_DIRECTORY)) return Status::IoError(dir + ": cannot sync the directory");
  return Status::Ok();
}

Status SqliteStore::Prepare() {
  struct {
    Statement* stmt;
    const char* sql;
  } const kStatements[] = {
      {&find_article_, "SELECT id FROM articles WHERE dedup_key = ?"},
      {&insert_article_,
       "INSERT INTO articles(id, dedup_key, url, content_hash, doc_id, title, date, outlet_id, language,"
       " authors, cites, text, extra, simhash, syndication_group, quote_first, quote_count)"
       " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      {&insert_band_, "INSERT OR IGNORE INTO simhash_bands(band, article_id) VALUES (?,?)"},
      {&find_band_,
       "SELECT a.id, a.simhash, a.syndication_group FROM simhash_bands b JOIN articles a"
       " ON a.id = b.article_id WHERE b.band = ? LIMIT 32"},
      {&find_outlet_, "SELECT id FROM outlets WHERE name_norm = ?"},
      {&insert_outlet_, "INSERT INTO outlets(name, name_norm) VALUES (?,?)"},
      {&people_by_surname_,
       "SELECT id, name, titles, aliases FROM people WHERE surname = ? AND is_org = 0 ORDER BY id"},
      {&people_by_org_, "SELECT id, name, titles, aliases FROM people WHERE name_norm = ? AND is_org = 1 ORDER BY id"},
      {&insert_person_,
       "INSERT INTO people(id, name, name_norm, first, surname, is_org, titles, aliases, quote_count)"
       " VALUES (?,?,?,?,?,?,?,?,0)"},
      {&update_person_,
       "UPDATE people SET name = ?, name_norm = ?, first = ?, titles = ?, aliases = ?,"
       " quote_count = quote_count + ? WHERE id = ?"},
      {&count_person_quotes_, "UPDATE people SET quote_count = quote_count + ? WHERE id = ?"},
      {&insert_person_name_, "INSERT OR IGNORE INTO person_names(name_norm, person_id) VALUES (?,?)"},
      {&insert_article_person_, "INSERT INTO article_people(article_id, ord, person_id) VALUES (?,?,?)"},
      {&insert_quote_,
       "INSERT INTO quotes(id, article_id, type, text, start, end, person_id, speaker, cue, addressee,"
       " addressee_norm, stmt_date, date, outlet_id, cluster_id, extra) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      // One statement per transaction: tokenising in one pass over the new
      // rows costs less than one FTS5 insert per quote.
      {&index_quote_text_, "INSERT INTO quote_fts(rowid, text) SELECT id, text FROM quotes WHERE id >= ? ORDER BY id"},
      {&insert_cluster_,
       "INSERT INTO clusters(id, rep_quote_id, rep_fingerprints, person_id, first_quote_id, first_date,"
       " first_outlet_id, occurrences) VALUES (?,?,?,?,?,?,?,1)"},
      {&update_cluster_,
       "UPDATE clusters SET occurrences = occurrences + 1, person_id = COALESCE(person_id, ?1),"
       " first_quote_id = CASE WHEN ?2 IS NOT NULL AND (first_date IS NULL OR ?2 < first_date)"
       "   THEN ?3 ELSE first_quote_id END,"
       " first_outlet_id = CASE WHEN ?2 IS NOT NULL AND (first_date IS NULL OR ?2 < first_date)"
       "   THEN ?4 ELSE first_outlet_id END,"
       " first_date = CASE WHEN ?2 IS NOT NULL AND (first_date IS NULL OR ?2 < first_date)"
       "   THEN ?2 ELSE first_date END"
       " WHERE id = ?5"},
      {&set_cluster_rep_, "UPDATE clusters SET rep_quote_id = ?, rep_fingerprints = ? WHERE id = ?"},
      {&cluster_rep_text_, "SELECT q.text FROM clusters c JOIN quotes q ON q.id = c.rep_quote_id WHERE c.id = ?"},
  };
  for (const auto& s : kStatements) {
    Status status = db_.Prepare(s.sql, s.stmt);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

void SqliteStore::ClearWriteCaches() {
  // Representatives change only through this writer while no other
  // connection writes (SyncWriterState drops them otherwise), so they stay
  // valid across transactions. Past the bound, those not consulted as
  // candidates since the last eviction go: candidates are the clusters with
  // the smallest ids holding a fingerprint, the same old ones again and again.
  if (clusters_.size() <= kMaxCachedClusters) return;
  for (auto it = clusters_.begin(); it != clusters_.end();) {
    if (it->second.used) {
      it->second.used = false;
      ++it;
    } else {
      it = clusters_.erase(it);
    }
  }
  if (clusters_.size() > 2 * kMaxCachedClusters) clusters_.clear();
}

void SqliteStore::ResetWriterState() {
  clusters_.clear();
  outlet_ids_.clear();
  surname_people_.clear();
  people_.clear();
  dirty_people_.clear();
  cluster_index_ = ClusterIndex();
  cluster_index_loaded_ = false;
  cluster_index_next_quote_ = 1;
  syndication_bands_.clear();
  syndication_next_article_ = 1;
  data_version_ = -1;
}

Status SqliteStore::SyncWriterState() {
  Statement st;
  Status s = db_.Prepare("PRAGMA data_version", &st);
  if (s.ok() && !st.Step(&s) && s.ok()) s = Status::IoError(db_.path() + ": PRAGMA data_version gave no row");
  if (!s.ok()) return s;
  int64_t version = st.Int(0);
  // data_version changes only when another connection commits.
  if (version != data_version_) {
    clusters_.clear();
    outlet_ids_.clear();
    surname_people_.clear();
    people_.clear();
    dirty_people_.clear();
  }
  if (!cluster_index_loaded_) {
    // Band lookups come from memory only for a writer that saw every
    // article added (a bulk build, or the first writer of a new database):
    // loading them all would cost a new writer on a large database a scan
    // of every article row, more than the queries it saves in a run.
    Statement any;
    s = db_.Prepare("SELECT 1 FROM articles LIMIT 1", &any);
    if (!s.ok()) return s;
    syndication_in_memory_ = !any.Step(&s);
    if (!s.ok()) return s;
  }
  if (version != data_version_ || !cluster_index_loaded_) {
    s = CatchUpClusterIndex();
    if (s.ok() && syndication_in_memory_) s = CatchUpSyndicationBands();
    if (!s.ok()) return s;
    cluster_index_loaded_ = true;
  }
  data_version_ = version;
  return Status::Ok();
}

Status SqliteStore::CatchUpSyndicationBands() {
  // An article has all four bands or none (too short), so band 0 tells.
  Statement st;
  Status s = db_.Prepare(
      "SELECT a.id, a.simhash, a.syndication_group FROM articles a WHERE a.id >= ? AND EXISTS"
      " (SELECT 1 FROM simhash_bands b WHERE b.band = (a.simhash & 65535) AND b.article_id = a.id) ORDER BY a.id",
      &st);
  if (!s.ok()) return s;
  st.Bind(1, syndication_next_article_);
  while (st.Step(&s)) AddBandedArticle({st.Int(0), static_cast<uint64_t>(st.Int(1)), st.Int(2)});
  return s;
}

Status SqliteStore::CatchUpClusterIndex() {
  int64_t from = cluster_index_next_quote_;
  Statement quotes, reps;
  Status s = db_.Prepare("SELECT id, text, cluster_id FROM quotes WHERE id >= ? ORDER BY id", &quotes);
  if (!s.ok()) return s;
  quotes.Bind(1, from);
  while (quotes.Step(&s)) {
    NormalizedWordHashes(quotes.Text(1), &scratch_words_);
    cluster_index_.AddKey(SequenceHash(scratch_words_), quotes.Int(2));
    cluster_index_next_quote_ = quotes.Int(0) + 1;
  }
  if (!s.ok()) return s;
  // A cluster's representative only changes to a newer quote, so clusters
  // created or changed since `from` have a representative id >= from.
  s = db_.Prepare("SELECT c.id, q.text FROM clusters c JOIN quotes q ON q.id = c.rep_quote_id"
                  " WHERE c.rep_quote_id >= ? ORDER BY c.id", &reps);
  if (!s.ok()) return s;
  reps.Bind(1, from);
  while (reps.Step(&s)) {
    NormalizedWordHashes(reps.Text(1), &scratch_words_);
    WinnowFingerprints(scratch_words_, &scratch_fingerprints_);
    cluster_index_.SetRepresentative(reps.Int(0), scratch_fingerprints_);
  }
  return s;
}

Status SqliteStore::AddArticles(const std::vector<Article>& articles, int64_t* added) {
  if (added != nullptr) *added = 0;
  if (read_only_) return Status::InvalidArgument(db_.path() + ": opened read-only; cannot add articles");
  if (keep_bulk_file_) return Status::InvalidArgument(db_.path() + ": bulk build could not be installed");
  Status s = db_.Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  ClearWriteCaches();
  s = SyncWriterState();
  struct {
    int64_t* next;
    const char* sql;
  } const kNextIds[] = {
      {&next_article_id_, "SELECT COALESCE(MAX(id), 0) + 1 FROM articles"},
      {&next_quote_id_, "SELECT COALESCE(MAX(id), 0) + 1 FROM quotes"},
      {&next_cluster_id_, "SELECT COALESCE(MAX(id), 0) + 1 FROM clusters"},
      {&next_person_id_, "SELECT COALESCE(MAX(id), 0) + 1 FROM people"},
  };
  for (const auto& n : kNextIds) {
    Statement st;
    if (s.ok()) s = db_.Prepare(n.sql, &st);
    if (s.ok() && st.Step(&s)) *n.next = st.Int(0);
  }
  int64_t first_quote_id = next_quote_id_;
  int64_t count = 0;
  Status rejected;
  int64_t rejected_count = 0;
  for (size_t i = 0; s.ok() && i < articles.size(); ++i) {
    Status valid = ValidateArticle(articles[i]);
    if (!valid.ok()) {
      if (rejected.ok()) rejected = valid;
      ++rejected_count;
      continue;
    }
    bool was_added = false;
    s = AddOneArticle(articles[i], &was_added);
    count += was_added;
  }
  if (s.ok()) s = FlushPeople();
  if (s.ok() && final_path_.empty()) {
    // A bulk build fills quote_fts once, in Finish.
    index_quote_text_.Reset();
    index_quote_text_.Bind(1, first_quote_id);
    s = index_quote_text_.Run();
  }
  if (s.ok()) s = db_.Exec("COMMIT");
  if (s.ok()) {
    // Committed: the batch's quote counts wait for Finish (bulk build).
    for (const auto& [id, delta] : batch_quote_counts_) {
      if (static_cast<size_t>(id) >= deferred_quote_counts_.size()) deferred_quote_counts_.resize(id + 1);
      deferred_quote_counts_[id] += delta;
    }
  }
  batch_quote_counts_.clear();
  if (!s.ok()) {
    db_.Exec("ROLLBACK");
    ResetWriterState();
    return s;
  }
  ClearWriteCaches();
  if (added != nullptr) *added = count;
  if (!rejected.ok()) {
    return Status::InvalidArgument(std::to_string(rejected_count) + " article(s) rejected, first: " +
                                   rejected.message());
  }
  return Status::Ok();
}

Status SqliteStore::IndexArticleText(int64_t* indexed) {
  if (indexed != nullptr) *indexed = 0;
  if (read_only_) return Status::InvalidArgument(db_.path() + ": opened read-only; cannot index article text");
  Status s = db_.Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  // Article ids only grow and this pass indexes them in order, so every id
  // up to the largest rowid present is indexed and the rest are not.
  s = db_.Exec(
      "INSERT INTO article_fts(rowid, title, text) SELECT id, title, text FROM articles"
      " WHERE id > COALESCE((SELECT rowid FROM article_fts ORDER BY rowid DESC LIMIT 1), 0) ORDER BY id");
  int64_t n = s.ok() ? sqlite3_changes64(db_.handle()) : 0;
  if (s.ok()) s = db_.Exec("COMMIT");
  if (!s.ok()) {
    db_.Exec("ROLLBACK");
    return s;
  }
  if (indexed != nullptr) *indexed = n;
  return Status::Ok();
}

StatusOr<int64_t> SqliteStore::OutletId(const std::optional<std::string>& publisher) {
  if (!publisher || publisher->empty()) return int64_t{0};
  std::string norm = NormalizeName(*publisher);
  if (norm.empty()) return int64_t{0};
  auto it = outlet_ids_.find(norm);
  if (it != outlet_ids_.end()) return it->second;
  Status s;
  find_outlet_.Reset();
  find_outlet_.Bind(1, norm);
  int64_t id = 0;
  if (find_outlet_.Step(&s)) {
    id = find_outlet_.Int(0);
  } else if (s.ok()) {
    insert_outlet_.Reset();
    insert_outlet_.Bind(1, *publisher);
    insert_outlet_.Bind(2, norm);
    s = insert_outlet_.Run();
    id = db_.LastInsertId();
  }
  find_outlet_.Reset();
  if (!s.ok()) return s;
  outlet_ids_[norm] = id;
  return id;
}

Status SqliteStore::AddOneArticle(const Article& a, bool* added) {
  std::string hash = HashHex(a.text);
  std::string key = a.url && !a.url->empty() ? "url:" + *a.url : "sha:" + hash;
  Status s;
  find_article_.Reset();
  find_article_.Bind(1, key);
  bool exists = find_article_.Step(&s);
  find_article_.Reset();
  if (!s.ok() || exists) return s;
  *added = true;
  int64_t id = next_article_id_++;
  StatusOr<int64_t> outlet = OutletId(a.publisher);
  if (!outlet.ok()) return outlet.status();
  std::vector<uint64_t>& words = scratch_words_;
  NormalizedWordHashes(a.text, &words);
  uint64_t simhash = SimHashOfWords(words);
  StatusOr<int64_t> group = SyndicationGroup(id, simhash, words.size());
  if (!group.ok()) return group.status();

  Statement& st = insert_article_;
  st.Reset();
  st.Bind(1, id);
  st.Bind(2, key);
  st.Bind(3, a.url);
  st.Bind(4, hash);
  st.Bind(5, a.id);
  st.Bind(6, a.title);
  st.Bind(7, a.date);
  BindId(&st, 8, *outlet);
  st.Bind(9, a.language);
  // Named, not temporaries: text is bound without a copy (Statement::Bind).
  const std::string authors = JsonStrings(a.authors), cites = JsonStrings(a.cites);
  const std::string extra = ArticleExtraJson(a);  // The fields with no column of their own.
  st.Bind(10, authors);
  st.Bind(11, cites);
  st.Bind(12, a.text);
  st.Bind(13, extra);
  st.Bind(14, static_cast<int64_t>(simhash));
  st.Bind(15, *group);
  st.Bind(16, next_quote_id_);
  st.Bind(17, static_cast<int64_t>(a.quotes.size()));
  if (s = st.Run(); !s.ok()) return s;

  std::unordered_map<std::string, int64_t> local_people;
  for (size_t i = 0; i < a.people.size(); ++i) {
    const Person& p = a.people[i];
    StatusOr<int64_t> pid = ResolvePerson(p.name, p.is_organization, p.titles, p.aliases);
    if (!pid.ok()) return pid.status();
    local_people[p.id] = *pid;
    if (*pid == 0) continue;
    insert_article_person_.Reset();
    insert_article_person_.Bind(1, id);
    insert_article_person_.Bind(2, static_cast<int64_t>(i));
    insert_article_person_.Bind(3, *pid);
    if (s = insert_article_person_.Run(); !s.ok()) return s;
  }
  std::vector<int64_t> quote_clusters;  // Per quote of this article.
  quote_clusters.reserve(a.quotes.size());
  for (const Quote& q : a.quotes) {
    int64_t person_id = 0;
    auto local = q.speaker_id ? local_people.find(*q.speaker_id) : local_people.end();
    if (local != local_people.end()) {
      person_id = local->second;
    } else if (q.speaker && !q.speaker->empty()) {
      StatusOr<int64_t> pid = ResolvePerson(*q.speaker, false, {}, {});
      if (!pid.ok()) return pid.status();
      person_id = *pid;
    }
    int64_t qid = next_quote_id_++;
    const std::optional<std::string>& date = q.date ? q.date : a.date;
    int64_t counted = q.within && *q.within >= 0 && static_cast<size_t>(*q.within) < quote_clusters.size()
                          ? quote_clusters[*q.within]
                          : 0;
    StatusOr<int64_t> cluster = AssignCluster(qid, q.content.text, person_id, a.date, *outlet, counted);
    if (!cluster.ok()) return cluster.status();
    quote_clusters.push_back(*cluster);
    Statement& qs = insert_quote_;
    qs.Reset();
    qs.Bind(1, qid);
    qs.Bind(2, id);
    qs.Bind(3, static_cast<int64_t>(q.type));
    qs.Bind(4, q.content.text);
    qs.Bind(5, q.content.start);
    qs.Bind(6, q.content.end);
    BindId(&qs, 7, person_id);
    qs.Bind(8, q.speaker);
    if (q.cue) qs.Bind(9, q.cue->text); else qs.BindNull(9);
    qs.Bind(10, q.addressee);
    // A reference into the NormalizedName cache, bound without a copy:
    // nothing until Run below calls NormalizedName (which may drop it).
    if (q.addressee) qs.Bind(11, NormalizedName(*q.addressee)); else qs.BindNull(11);
    qs.Bind(12, q.date);
    qs.Bind(13, date);
    BindId(&qs, 14, *outlet);
    qs.Bind(15, *cluster);
    QuoteExtraJson(q, &scratch_json_);
    qs.Bind(16, scratch_json_);
    if (s = qs.Run(); !s.ok()) return s;
    if (person_id > 0) {
      CachedPerson& p = people_[person_id];
      ++p.quote_delta;
      if (!p.dirty) dirty_people_.push_back(person_id);
      p.dirty = true;
    }
  }
  return Status::Ok();
}

void SqliteStore::AddBandedArticle(const BandedArticle& article) {
  if (syndication_bands_.empty()) syndication_bands_.resize(size_t{4} << 16);
  for (int b = 0; b < 4; ++b) syndication_bands_[SimHashBand(article.simhash, b)].push_back(article);
  syndication_next_article_ = article.id + 1;
}

StatusOr<int64_t> SqliteStore::SyndicationGroup(int64_t article_id, uint64_t simhash, size_t words) {
  syndication_next_article_ = article_id + 1;
  if (words < kMinSyndicationWords) return article_id;
  // The first near-duplicate among the first kMaxBandMatches (32) articles
  // by id of each band in turn: from simhash_bands, or from its copy in
  // memory (the same rows in the same order).
  int64_t group = article_id;
  Status s;
  if (!syndication_in_memory_) {
    for (int b = 0; b < 4 && group == article_id; ++b) {
      find_band_.Reset();
      find_band_.Bind(1, static_cast<int64_t>(SimHashBand(simhash, b)));
      while (find_band_.Step(&s)) {
        if (HammingDistance(static_cast<uint64_t>(find_band_.Int(1)), simhash) <= kMaxSyndicationDistance) {
          group = find_band_.Int(2);
          break;
        }
      }
      find_band_.Reset();
      if (!s.ok()) return s;
    }
  } else if (!syndication_bands_.empty()) {
    for (int b = 0; b < 4 && group == article_id; ++b) {
      const std::vector<BandedArticle>& holders = syndication_bands_[SimHashBand(simhash, b)];
      size_t n = std::min(holders.size(), kMaxBandMatches);
      for (size_t i = 0; i < n; ++i) {
        if (HammingDistance(holders[i].simhash, simhash) <= kMaxSyndicationDistance) {
          group = holders[i].group;
          break;
        }
      }
    }
  }
  for (int b = 0; b < 4; ++b) {
    insert_band_.Reset();
    insert_band_.Bind(1, static_cast<int64_t>(SimHashBand(simhash, b)));
    insert_band_.Bind(2, article_id);
    if (s = insert_band_.Run(); !s.ok()) return s;
  }
  // A failed transaction forgets these (ResetWriterState).
  if (syndication_in_memory_) AddBandedArticle({article_id, simhash, group});
  return group;
}

Status SqliteStore::LoadSurname(const PersonName& name, std::vector<int64_t>** ids) {
  std::string key = name.is_organization ? "org:" + name.full : name.surname;
  auto it = surname_people_.find(key);
  if (it != surname_people_.end()) {
    *ids = &it->second;
    return Status::Ok();
  }
  std::vector<int64_t>& list = surname_people_[key];
  Statement& st = name.is_organization ? people_by_org_ : people_by_surname_;
  st.Reset();
  st.Bind(1, name.is_organization ? name.full : name.surname);
  Status s;
  while (st.Step(&s)) {
    int64_t id = st.Int(0);
    list.push_back(id);
    if (people_.count(id) && !people_[id].known.name.full.empty()) continue;
    CachedPerson& p = people_[id];
    int64_t delta = p.quote_delta;
    bool dirty = p.dirty;
    p.name = st.Text(1);
    p.known.id = id;
    p.known.name = ParsedName(p.name, name.is_organization);
    p.known.titles = ParseJsonStrings(st.Text(2));
    p.aliases = ParseJsonStrings(st.Text(3));
    p.title_norms.clear();
    p.alias_norms.clear();
    p.titles_json_size = p.aliases_json_size = SIZE_MAX;
    p.quote_delta = delta;
    p.dirty = dirty;
  }
  st.Reset();
  *ids = &list;
  return s;
}

Status SqliteStore::AddLookupNames(CachedPerson* person, const std::string* const* names, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    const std::string& norm = NormalizedName(*names[i]);
    if (norm.empty() || !person->lookup_names.insert(norm).second) continue;
    insert_person_name_.Reset();
    insert_person_name_.Bind(1, norm);
    insert_person_name_.Bind(2, person->known.id);
    Status s = insert_person_name_.Run();
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

const PersonName& SqliteStore::ParsedName(const std::string& name, bool is_organization) {
  auto& cache = parsed_names_[is_organization ? 1 : 0];
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  return cache.emplace(name, ParsePersonName(name, is_organization)).first->second;
}

const std::string& SqliteStore::NormalizedName(const std::string& name) {
  auto it = normalized_names_.find(name);
  if (it != normalized_names_.end()) return it->second;
  // No caller holds a reference across calls, so the cache may be dropped.
  if (normalized_names_.size() > kMaxCachedNames) normalized_names_.clear();
  return normalized_names_.emplace(name, NormalizeName(name)).first->second;
}

namespace {

// Appends value to list unless it is empty, the list is full or an entry
// normalises the same; norms holds the entries' normalised forms (rebuilt
// when its size is not the list's) and norm is value's.
void AddUnique(const std::string& value, const std::string& norm, size_t cap, std::vector<std::string>* list,
               std::vector<std::string>* norms) {
  if (value.empty() || list->size() >= cap) return;
  if (norms->size() != list->size()) {
    norms->clear();
    for (const std::string& v : *list) norms->push_back(NormalizeName(v));
  }
  for (const std::string& n : *norms) {
    if (n == norm) return;
  }
  list->push_back(value);
  norms->push_back(norm);
}

bool IsNameLike(const std::string& alias) {
  return !alias.empty() && !std::islower(static_cast<unsigned char>(alias[0]));
}

}  // namespace

StatusOr<int64_t> SqliteStore::ResolvePerson(const std::string& name, bool is_organization,
                                             const std::vector<std::string>& titles,
                                             const std::vector<std::string>& aliases) {
  // parsed_names_ only grows from here on, so `parsed` stays valid.
  if (parsed_names_[0].size() + parsed_names_[1].size() > kMaxCachedNames) {
    parsed_names_[0].clear();
    parsed_names_[1].clear();
  }
  const PersonName& parsed = ParsedName(name, is_organization);
  if (parsed.full.empty()) return int64_t{0};
  std::vector<std::string> all_titles = titles, title_norms;
  if (!parsed.leading_title.empty()) {
    AddUnique(parsed.leading_title, NormalizedName(parsed.leading_title), kMaxTitles, &all_titles, &title_norms);
  }
  std::vector<int64_t>* ids = nullptr;
  Status s = LoadSurname(parsed, &ids);
  if (!s.ok()) return s;
  std::vector<const KnownPerson*> candidates;
  candidates.reserve(ids->size());
  for (int64_t id : *ids) candidates.push_back(&people_[id].known);
  int64_t id = MatchKnownPerson(parsed, all_titles, candidates);
  CachedPerson* person;
  if (id == 0) {
    id = next_person_id_++;
    person = &people_[id];
    person->known = KnownPerson{id, parsed, {}};
    person->name = parsed.display;
    ids->push_back(id);
    Statement& st = insert_person_;
    st.Reset();
    st.Bind(1, id);
    st.Bind(2, parsed.display);
    st.Bind(3, parsed.full);
    st.Bind(4, parsed.first);
    st.Bind(5, parsed.surname);
    st.Bind(6, int64_t{is_organization ? 1 : 0});
    st.Bind(7, "[]");
    st.Bind(8, "[]");
    if (s = st.Run(); !s.ok()) return s;
  } else {
    person = &people_[id];
    // A known surname alone ("Rutte") takes the full name when one arrives.
    if (person->known.name.first.empty() && !parsed.first.empty()) {
      AddUnique(person->name, NormalizedName(person->name), kMaxAliases, &person->aliases, &person->alias_norms);
      person->known.name = parsed;
      person->name = parsed.display;
      person->name_changed = true;
    }
  }
  if (!person->dirty) dirty_people_.push_back(id);
  person->dirty = true;
  if (title_norms.size() != all_titles.size()) {
    title_norms.clear();
    for (const std::string& t : all_titles) title_norms.push_back(NormalizedName(t));
  }
  for (size_t i = 0; i < all_titles.size(); ++i) {
    AddUnique(all_titles[i], title_norms[i], kMaxTitles, &person->known.titles, &person->title_norms);
  }
  if (parsed.display != person->name) {
    AddUnique(parsed.display, NormalizedName(parsed.display), kMaxAliases, &person->aliases, &person->alias_norms);
  }
  if (name != parsed.display) AddUnique(name, NormalizedName(name), kMaxAliases, &person->aliases, &person->alias_norms);
  const std::string* lookup_small[8];
  std::vector<const std::string*> lookup_large;
  const std::string** lookup = lookup_small;
  size_t lookups = 0;
  if (aliases.size() + 3 > std::size(lookup_small)) {
    lookup_large.resize(aliases.size() + 3);
    lookup = lookup_large.data();
  }
  lookup[lookups++] = &parsed.display;
  lookup[lookups++] = &name;
  if (!is_organization) lookup[lookups++] = &parsed.surname;
  for (const std::string& alias : aliases) {
    if (!IsNameLike(alias)) continue;
    AddUnique(alias, NormalizedName(alias), kMaxAliases, &person->aliases, &person->alias_norms);
    lookup[lookups++] = &alias;
  }
  if (s = AddLookupNames(person, lookup, lookups); !s.ok()) return s;
  return id;
}

Status SqliteStore::FlushPeople() {
  // In id order, as before people_ was a hash table.
  std::sort(dirty_people_.begin(), dirty_people_.end());
  bool bulk = !final_path_.empty();
  for (int64_t id : dirty_people_) {
    CachedPerson& p = people_[id];
    if (!p.dirty) continue;
    // A bulk build adds quote counts once, in Finish (AddDeferredQuoteCounts):
    // otherwise every batch rewrote the row and its people_quote_count
    // index entry of nearly every person.
    int64_t delta = p.quote_delta;
    if (bulk && delta != 0) {
      batch_quote_counts_.emplace_back(id, delta);
      delta = 0;
    }
    // Most people only gain quotes once known: then only quote_count is
    // written, which leaves the people_name index entry alone. The lists
    // only grow, so unchanged sizes mean unchanged titles and aliases.
    if (!p.name_changed && p.titles_json_size == p.known.titles.size() &&
        p.aliases_json_size == p.aliases.size()) {
      if (delta != 0) {
        Statement& st = count_person_quotes_;
        st.Reset();
        st.Bind(1, delta);
        st.Bind(2, id);
        if (Status s = st.Run(); !s.ok()) return s;
      }
      p.quote_delta = 0;
      p.dirty = false;
      continue;
    }
    Statement& st = update_person_;
    st.Reset();
    st.Bind(1, p.name);
    st.Bind(2, p.known.name.full);
    st.Bind(3, p.known.name.first);
    if (p.titles_json_size != p.known.titles.size()) {
      p.titles_json = JsonStrings(p.known.titles);
      p.titles_json_size = p.known.titles.size();
    }
    if (p.aliases_json_size != p.aliases.size()) {
      p.aliases_json = JsonStrings(p.aliases);
      p.aliases_json_size = p.aliases.size();
    }
    st.Bind(4, p.titles_json);
    st.Bind(5, p.aliases_json);
    st.Bind(6, delta);
    st.Bind(7, id);
    Status s = st.Run();
    if (!s.ok()) return s;
    p.quote_delta = 0;
    p.dirty = false;
    p.name_changed = false;
  }
  dirty_people_.clear();
  return Status::Ok();
}

Status SqliteStore::AddDeferredQuoteCounts() {
  for (size_t id = 1; id < deferred_quote_counts_.size(); ++id) {
    if (deferred_quote_counts_[id] == 0) continue;
    Statement& st = count_person_quotes_;
    st.Reset();
    st.Bind(1, deferred_quote_counts_[id]);
    st.Bind(2, static_cast<int64_t>(id));
    if (Status s = st.Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

StatusOr<const SqliteStore::ClusterInfo*> SqliteStore::LoadCluster(int64_t cluster_id) {
  auto it = clusters_.find(cluster_id);
  if (it != clusters_.end()) {
    it->second.used = true;
    return &it->second;
  }
  Status s;
  cluster_rep_text_.Reset();
  cluster_rep_text_.Bind(1, cluster_id);
  ClusterInfo info;
  info.used = true;
  if (cluster_rep_text_.Step(&s)) info.rep_words = NormalizedWordHashes(cluster_rep_text_.Text(0));
  cluster_rep_text_.Reset();
  if (!s.ok()) return s;
  return &(clusters_[cluster_id] = std::move(info));
}

StatusOr<int64_t> SqliteStore::AssignCluster(int64_t quote_id, const std::string& text, int64_t person_id,
                                             const std::optional<std::string>& article_date,
                                             int64_t outlet_id, int64_t counted) {
  // Scratch buffers kept by the writer: no allocation per quote once warm.
  std::vector<uint64_t>& words = scratch_words_;
  NormalizedWordHashes(text, &words);
  uint64_t key = SequenceHash(words);
  int64_t cluster = cluster_index_.ClusterOfKey(key);
  std::vector<uint64_t>& fingerprints = scratch_fingerprints_;
  WinnowFingerprints(words, &fingerprints);
  Status s;
  if (cluster == 0 && !fingerprints.empty()) {
    // A partial quote shares every fingerprint with the longer quote that
    // contains it, and the longer one shares all of the partial quote's.
    // Each cluster is counted once per fingerprint shared (per fingerprint,
    // the 16 clusters with the smallest ids count).
    std::vector<int64_t>& shared = scratch_shared_;
    shared.clear();
    for (uint64_t fp : fingerprints) cluster_index_.AppendClustersWithFingerprint(fp, kMaxFingerprintHolders, &shared);
    std::sort(shared.begin(), shared.end());
    std::vector<int64_t>& candidates = scratch_candidates_;
    candidates.clear();
    for (size_t i = 0; i < shared.size();) {
      size_t j = i;
      while (j < shared.size() && shared[j] == shared[i]) ++j;
      size_t count = j - i;
      // Containment either way means one side's fingerprints are all shared.
      if (count == fingerprints.size() || count == cluster_index_.RepresentativeFingerprints(shared[i])) {
        candidates.push_back(shared[i]);
      }
      i = j;
    }
    for (int64_t c : candidates) {
      StatusOr<const ClusterInfo*> info = LoadCluster(c);
      if (!info.ok()) return info.status();
      if (ContainsRun((*info)->rep_words, words)) {
        cluster = c;
        break;
      }
      if ((*info)->rep_words.size() >= kMinContainedWords && ContainsRun(words, (*info)->rep_words)) {
        cluster = c;
        set_cluster_rep_.Reset();
        set_cluster_rep_.Bind(1, quote_id);
        set_cluster_rep_.Bind(2, static_cast<int64_t>(fingerprints.size()));
        set_cluster_rep_.Bind(3, c);
        if (s = set_cluster_rep_.Run(); !s.ok()) return s;
        cluster_index_.SetRepresentative(c, fingerprints);
        clusters_[c].rep_words.assign(words.begin(), words.end());
        break;
      }
    }
  }
  if (cluster == 0) {
    cluster = next_cluster_id_++;
    Statement& st = insert_cluster_;
    st.Reset();
    st.Bind(1, cluster);
    st.Bind(2, quote_id);
    st.Bind(3, static_cast<int64_t>(fingerprints.size()));
    BindId(&st, 4, person_id);
    st.Bind(5, quote_id);
    st.Bind(6, article_date);
    BindId(&st, 7, outlet_id);
    if (s = st.Run(); !s.ok()) return s;
    cluster_index_.SetRepresentative(cluster, fingerprints);
    clusters_[cluster].rep_words.assign(words.begin(), words.end());
  } else if (cluster != counted) {
    Statement& st = update_cluster_;
    st.Reset();
    BindId(&st, 1, person_id);
    st.Bind(2, article_date);
    st.Bind(3, quote_id);
    BindId(&st, 4, outlet_id);
    st.Bind(5, cluster);
    if (s = st.Run(); !s.ok()) return s;
  }
  cluster_index_.AddKey(key, cluster);
  cluster_index_next_quote_ = quote_id + 1;
  return cluster;
}

}  // namespace internal
}  // namespace whosaid
