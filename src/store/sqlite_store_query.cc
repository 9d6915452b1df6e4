// SqliteStore: the readers (search, speakers, clusters, articles, claim
// checking). Every query binds its values as parameters.
#include <algorithm>
#include <map>
#include <set>
#include <variant>

#include "src/store/article_json_internal.h"
#include "src/store/sqlite_store.h"
#include "src/store/text_signature.h"
#include "src/util/json.h"
#include "whosaid/pipeline.h"

namespace whosaid::internal {
namespace {

constexpr int kMaxLimit = 10000;
constexpr int kClaimCandidates = 200;
constexpr size_t kMaxClusterMembers = 10000;
// A full-text search ranks at most this many of the newest matches.
constexpr int64_t kRankedCandidates = 2000;

const char kHitColumns[] =
    "SELECT q.id, q.article_id, q.cluster_id, q.person_id, q.type, q.text,"
    " COALESCE(p.name, q.speaker, ''), COALESCE(q.cue, ''), COALESCE(q.addressee, ''),"
    " COALESCE(q.date, ''), COALESCE(o.name, ''), COALESCE(a.title, ''), COALESCE(a.url, ''),"
    " q.start, q.end, COALESCE(a.date, ''), COALESCE(c.first_date, ''), COALESCE(fo.name, ''),"
    " COALESCE(fq.article_id, 0), COALESCE(c.occurrences, 0)";
const char kHitJoins[] =
    " JOIN articles a ON a.id = q.article_id"
    " LEFT JOIN outlets o ON o.id = q.outlet_id"
    " LEFT JOIN people p ON p.id = q.person_id"
    " LEFT JOIN clusters c ON c.id = q.cluster_id"
    " LEFT JOIN outlets fo ON fo.id = c.first_outlet_id"
    " LEFT JOIN quotes fq ON fq.id = c.first_quote_id";

QuoteHit ReadHit(const Statement& st) {
  QuoteHit h;
  h.id = st.Int(0);
  h.article_id = st.Int(1);
  h.cluster_id = st.Int(2);
  if (!st.IsNull(3)) h.person_id = st.Int(3);
  h.type = static_cast<QuoteType>(std::clamp<int64_t>(st.Int(4), 0, 2));
  h.text = st.Text(5);
  h.speaker = st.Text(6);
  h.cue = st.Text(7);
  h.addressee = st.Text(8);
  h.date = st.Text(9);
  h.outlet = st.Text(10);
  h.article_title = st.Text(11);
  h.article_url = st.Text(12);
  h.start = st.Int(13);
  h.end = st.Int(14);
  h.article_date = st.Text(15);
  h.first_seen_date = st.Text(16);
  h.first_seen_outlet = st.Text(17);
  h.first_seen_article_id = st.Int(18);
  h.occurrences = st.Int(19);
  h.score = st.Double(20);
  return h;
}

// Turns user text into an FTS5 query of quoted words, so no user input is
// ever read as FTS syntax. Text wrapped in double quotes becomes a phrase.
std::string FtsQuery(const std::string& text, bool any_word) {
  std::string t = text;
  bool phrase = t.size() >= 2 && t.front() == '"' && t.back() == '"';
  std::vector<std::string> words = NormalizedWords(t);
  std::string out;
  if (phrase && !words.empty()) {
    out = "\"";
    for (size_t i = 0; i < words.size(); ++i) out += (i ? " " : "") + words[i];
    return out + "\"";
  }
  for (const std::string& w : words) {
    if (!out.empty()) out += any_word ? " OR " : " ";
    out += "\"" + w + "\"";
  }
  return out;
}

void BindAll(Statement* st, const std::vector<SqlParam>& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    int index = static_cast<int>(i) + 1;
    if (const int64_t* v = std::get_if<int64_t>(&params[i])) {
      st->Bind(index, *v);
    } else {
      st->Bind(index, std::get<std::string>(params[i]));
    }
  }
}

Span SpanFrom(const JsonValue* v) {
  Span s;
  if (v == nullptr || !v->is_object()) return s;
  if (const JsonValue* x = v->Find("start"); x && x->is_number()) s.start = static_cast<int64_t>(x->as_number());
  if (const JsonValue* x = v->Find("end"); x && x->is_number()) s.end = static_cast<int64_t>(x->as_number());
  s.text = v->GetString("text");
  return s;
}

std::vector<std::string> StringsFrom(const std::string& json) {
  std::vector<std::string> out;
  StatusOr<JsonValue> v = ParseJson(json);
  if (!v.ok() || !v->is_array()) return out;
  for (const JsonValue& item : v->items()) {
    if (item.is_string()) out.push_back(item.as_string());
  }
  return out;
}

std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i ? ",?" : "?";
  return out;
}

}  // namespace

StatusOr<std::vector<int64_t>> SqliteStore::PeopleNamed(const std::string& name) {
  PersonName parsed = ParsePersonName(name, false);
  Statement st;
  Status s = db_.Prepare(
      "SELECT DISTINCT person_id FROM person_names WHERE name_norm IN (?, ?) ORDER BY person_id LIMIT 500", &st);
  if (!s.ok()) return s;
  st.Bind(1, parsed.full);
  st.Bind(2, NormalizeName(name));
  std::vector<int64_t> ids;
  while (st.Step(&s)) ids.push_back(st.Int(0));
  if (!s.ok()) return s;
  return ids;
}

namespace {

Status CheckQuery(const QuoteQuery& q) {
  if (q.limit <= 0 || q.limit > kMaxLimit) {
    return Status::InvalidArgument("limit must be between 1 and " + std::to_string(kMaxLimit));
  }
  if (q.offset < 0) return Status::InvalidArgument("offset must not be negative");
  if (q.from && !IsValidDate(*q.from)) return Status::InvalidArgument("bad from date '" + *q.from + "'");
  if (q.to && !IsValidDate(*q.to)) return Status::InvalidArgument("bad to date '" + *q.to + "'");
  return Status::Ok();
}

}  // namespace

StatusOr<std::vector<QuoteHit>> SqliteStore::SearchQuotes(const QuoteQuery& query) {
  if (Status s = CheckQuery(query); !s.ok()) return s;
  bool has_text = !NormalizedWords(query.text).empty();
  if (!has_text && !query.text.empty()) return std::vector<QuoteHit>();  // Only punctuation: nothing can match.
  // Filters on quotes q, shared by every statement below.
  std::string filters;
  std::vector<SqlParam> filter_params;
  std::vector<int64_t> speaker_ids;
  if (query.speaker) {
    StatusOr<std::vector<int64_t>> ids = PeopleNamed(*query.speaker);
    if (!ids.ok()) return ids.status();
    if (ids->empty()) return std::vector<QuoteHit>();
    speaker_ids = std::move(ids.value());
    filters += " AND q.person_id IN (" + Placeholders(speaker_ids.size()) + ")";
    for (int64_t id : speaker_ids) filter_params.push_back(id);
  }
  if (query.addressee) {
    filters += " AND (' ' || q.addressee_norm || ' ') LIKE ?";
    filter_params.push_back("% " + NormalizeName(*query.addressee) + " %");
  }
  if (query.outlet) {
    filters += " AND q.outlet_id IN (SELECT id FROM outlets WHERE (' ' || name_norm || ' ') LIKE ?)";
    filter_params.push_back("% " + NormalizeName(*query.outlet) + " %");
  }
  if (query.from) {
    filters += " AND q.date >= ?";
    filter_params.push_back(*query.from);
  }
  if (query.to) {
    filters += " AND q.date <= ?";
    filter_params.push_back(*query.to);
  }
  if (query.type) {
    filters += " AND q.type = ?";
    filter_params.push_back(static_cast<int64_t>(*query.type));
  }
  if (has_text) return SearchText(query, filters, filter_params);

  std::vector<SqlParam> params = filter_params;
  std::string sql = kHitColumns;
  sql += ", 0.0 FROM quotes q";
  sql += kHitJoins;
  sql += " WHERE 1 = 1" + filters;
  if (speaker_ids.size() > 1 && !query.addressee && !query.outlet && !query.type) {
    // A surname can name several people. SQLite cannot merge several
    // (person_id, date) index ranges in date order, so take the newest
    // few of each person and let the outer query order those.
    std::string newest;
    for (int64_t id : speaker_ids) {
      newest += newest.empty() ? "" : " UNION ALL ";
      newest += "SELECT id FROM (SELECT id FROM quotes WHERE person_id = ?";
      params.push_back(id);
      if (query.from) { newest += " AND date >= ?"; params.push_back(*query.from); }
      if (query.to) { newest += " AND date <= ?"; params.push_back(*query.to); }
      newest += " ORDER BY date DESC, id DESC LIMIT ?)";
      params.push_back(int64_t{query.limit} + query.offset);
    }
    sql += " AND q.id IN (" + newest + ")";
  }
  sql += " ORDER BY q.date DESC, q.id DESC LIMIT ? OFFSET ?";
  params.push_back(int64_t{query.limit});
  params.push_back(int64_t{query.offset});
  return RunHitQuery(sql, params);
}

StatusOr<std::vector<QuoteHit>> SqliteStore::RunHitQuery(const std::string& sql, const std::vector<SqlParam>& params) {
  Statement st;
  Status s = db_.Prepare(sql, &st);
  if (!s.ok()) return s;
  BindAll(&st, params);
  std::vector<QuoteHit> hits;
  while (st.Step(&s)) hits.push_back(ReadHit(st));
  if (!s.ok()) return s;
  return hits;
}

StatusOr<std::vector<QuoteHit>> SqliteStore::SearchText(const QuoteQuery& query, const std::string& filters,
                                                        const std::vector<SqlParam>& filter_params) {
  std::string fts = FtsQuery(query.text, false);
  std::string from = filters.empty() ? " FROM quote_fts f" : " FROM quote_fts f JOIN quotes q ON q.id = f.rowid";
  from += " WHERE quote_fts MATCH ?" + filters;
  std::vector<SqlParam> params = {fts};
  params.insert(params.end(), filter_params.begin(), filter_params.end());
  // bm25 costs a few microseconds a match, so a query of common words would
  // spend most of its time scoring tens of thousands of matches. Score only
  // the newest candidates (by quote id); the threshold is found by walking
  // the doclist in rowid order, which needs no scoring.
  int64_t candidates = std::max<int64_t>(kRankedCandidates, int64_t{query.offset} + query.limit);
  Statement bound;
  Status s = db_.Prepare("SELECT f.rowid" + from + " ORDER BY f.rowid DESC LIMIT 1 OFFSET ?", &bound);
  if (!s.ok()) return s;
  std::vector<SqlParam> bound_params = params;
  bound_params.push_back(candidates - 1);
  BindAll(&bound, bound_params);
  std::string ranked = "SELECT f.rowid AS id, f.rank AS rank" + from;
  if (bound.Step(&s)) {
    ranked += " AND f.rowid >= ?";
    params.push_back(bound.Int(0));
  }
  if (!s.ok()) return s;
  ranked += " ORDER BY f.rank, f.rowid LIMIT ? OFFSET ?";
  params.push_back(int64_t{query.limit});
  params.push_back(int64_t{query.offset});
  std::string sql = std::string(kHitColumns) + ", -r.rank FROM (" + ranked + ") r JOIN quotes q ON q.id = r.id" +
                    kHitJoins + " ORDER BY r.rank, q.id";
  return RunHitQuery(sql, params);
}

StatusOr<std::vector<PersonRecord>> SqliteStore::TopSpeakers(int limit) {
  if (limit <= 0 || limit > kMaxLimit) {
    return Status::InvalidArgument("limit must be between 1 and " + std::to_string(kMaxLimit));
  }
  Statement st;
  Status s = db_.Prepare(
      "SELECT id, name, titles, aliases, quote_count, is_org FROM people WHERE quote_count > 0"
      " ORDER BY quote_count DESC, id LIMIT ?",
      &st);
  if (!s.ok()) return s;
  st.Bind(1, int64_t{limit});
  std::vector<PersonRecord> out;
  while (st.Step(&s)) {
    PersonRecord p;
    p.id = st.Int(0);
    p.name = st.Text(1);
    p.titles = StringsFrom(st.Text(2));
    p.aliases = StringsFrom(st.Text(3));
    p.quote_count = st.Int(4);
    p.is_organization = st.Int(5) != 0;
    out.push_back(std::move(p));
  }
  if (!s.ok()) return s;
  return out;
}

StatusOr<PersonRecord> SqliteStore::GetPerson(int64_t id) {
  Statement st;
  Status s = db_.Prepare("SELECT id, name, titles, aliases, quote_count, is_org FROM people WHERE id = ?", &st);
  if (!s.ok()) return s;
  st.Bind(1, id);
  if (!st.Step(&s)) return s.ok() ? Status::NotFound("no person with id " + std::to_string(id)) : s;
  PersonRecord p;
  p.id = st.Int(0);
  p.name = st.Text(1);
  p.titles = StringsFrom(st.Text(2));
  p.aliases = StringsFrom(st.Text(3));
  p.quote_count = st.Int(4);
  p.is_organization = st.Int(5) != 0;
  struct {
    const char* sql;
    std::vector<std::pair<std::string, int64_t>>* out;
  } const kTops[] = {
      {"SELECT MIN(addressee), count(*) AS n FROM quotes WHERE person_id = ? AND addressee_norm IS NOT NULL"
       " AND addressee_norm != '' GROUP BY addressee_norm ORDER BY n DESC, 1 LIMIT 10",
       &p.top_addressees},
      {"SELECT o.name, count(*) AS n FROM quotes q JOIN outlets o ON o.id = q.outlet_id"
       " WHERE q.person_id = ? GROUP BY o.id ORDER BY n DESC, 1 LIMIT 10",
       &p.top_outlets},
  };
  for (const auto& top : kTops) {
    Statement t;
    if (s = db_.Prepare(top.sql, &t); !s.ok()) return s;
    t.Bind(1, id);
    while (t.Step(&s)) top.out->emplace_back(t.Text(0), t.Int(1));
    if (!s.ok()) return s;
  }
  return p;
}

StatusOr<ArticleRecord> SqliteStore::GetArticle(int64_t id) {
  Statement st;
  Status s = db_.Prepare(
      "SELECT a.doc_id, a.url, a.title, a.date, o.name, a.language, a.authors, a.cites, a.text, a.extra,"
      " a.syndication_group, a.quote_first, a.quote_count"
      " FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?",
      &st);
  if (!s.ok()) return s;
  st.Bind(1, id);
  if (!st.Step(&s)) return s.ok() ? Status::NotFound("no article with id " + std::to_string(id)) : s;
  StatusOr<Article> article = ArticleFromJsonWithText(st.Text(9), st.Text(8));
  if (!article.ok()) {
    return Status::Corruption(db_.path() + ": article " + std::to_string(id) + ": " + article.status().message());
  }
  ArticleRecord rec;
  rec.id = id;
  rec.article = std::move(*article);
  Article& a = rec.article;
  a.id = st.Text(0);
  a.url = st.OptText(1);
  a.title = st.OptText(2);
  a.date = st.OptText(3);
  a.publisher = st.OptText(4);
  a.language = st.OptText(5);
  a.authors = StringsFrom(st.Text(6));
  a.cites = StringsFrom(st.Text(7));
  rec.syndication_group = st.Int(10);
  int64_t first = st.Int(11), count = st.Int(12);

  Statement q;
  if (s = db_.Prepare("SELECT id, type, text, start, end, speaker, addressee, stmt_date, extra FROM quotes"
                      " WHERE id >= ? AND id < ? AND article_id = ? ORDER BY id",
                      &q);
      !s.ok()) {
    return s;
  }
  q.Bind(1, first);
  q.Bind(2, first + count);
  q.Bind(3, id);
  while (q.Step(&s)) {
    Quote quote;
    rec.quote_ids.push_back(q.Int(0));
    quote.type = static_cast<QuoteType>(std::clamp<int64_t>(q.Int(1), 0, 2));
    quote.content = Span{q.Int(3), q.Int(4), q.Text(2)};
    quote.speaker = q.OptText(5);
    quote.addressee = q.OptText(6);
    quote.date = q.OptText(7);
    StatusOr<JsonValue> extra = ParseJson(q.Text(8));
    if (extra.ok() && extra->is_object()) {
      if (const JsonValue* parts = extra->Find("parts"); parts && parts->is_array()) {
        for (const JsonValue& p : parts->items()) quote.parts.push_back(SpanFrom(&p));
      }
      if (const JsonValue* cue = extra->Find("cue")) quote.cue = SpanFrom(cue);
      if (const JsonValue* src = extra->Find("source")) quote.source = SpanFrom(src);
      if (extra->Find("speaker_id")) quote.speaker_id = extra->GetString("speaker_id");
      if (extra->Find("attribution")) quote.attribution = extra->GetString("attribution");
      if (extra->Find("category")) quote.category = extra->GetString("category");
      if (const JsonValue* within = extra->Find("within"); within && within->is_number() &&
          within->as_number() >= 0 && within->as_number() < 1e9) {
        quote.within = static_cast<int>(within->as_number());
      }
    }
    a.quotes.push_back(std::move(quote));
  }
  if (!s.ok()) return s;

  rec.person_ids.assign(a.people.size(), 0);
  Statement p;
  if (s = db_.Prepare("SELECT ord, person_id FROM article_people WHERE article_id = ?", &p); !s.ok()) return s;
  p.Bind(1, id);
  while (p.Step(&s)) {
    int64_t ord = p.Int(0);
    if (ord >= 0 && ord < static_cast<int64_t>(rec.person_ids.size())) rec.person_ids[ord] = p.Int(1);
  }
  if (!s.ok()) return s;
  Statement g;
  if (s = db_.Prepare("SELECT id FROM articles WHERE syndication_group = ? AND id != ? ORDER BY id LIMIT 1000", &g);
      !s.ok()) {
    return s;
  }
  g.Bind(1, rec.syndication_group);
  g.Bind(2, id);
  while (g.Step(&s)) rec.syndicated_copies.push_back(g.Int(0));
  if (!s.ok()) return s;
  return rec;
}

StatusOr<QuoteCluster> SqliteStore::GetQuoteCluster(int64_t quote_id) {
  Statement st;
  Status s = db_.Prepare(
      "SELECT c.id, rq.text, COALESCE(p.name, rq.speaker, ''), COALESCE(c.first_date, ''),"
      " COALESCE(fo.name, ''), c.occurrences"
      " FROM quotes q JOIN clusters c ON c.id = q.cluster_id JOIN quotes rq ON rq.id = c.rep_quote_id"
      " LEFT JOIN people p ON p.id = c.person_id LEFT JOIN outlets fo ON fo.id = c.first_outlet_id"
      " WHERE q.id = ?",
      &st);
  if (!s.ok()) return s;
  st.Bind(1, quote_id);
  if (!st.Step(&s)) return s.ok() ? Status::NotFound("no quote with id " + std::to_string(quote_id)) : s;
  QuoteCluster cluster;
  cluster.id = st.Int(0);
  cluster.text = st.Text(1);
  cluster.speaker = st.Text(2);
  cluster.first_date = st.Text(3);
  cluster.first_outlet = st.Text(4);
  cluster.occurrences = st.Int(5);
  Statement m;
  std::string sql = std::string(kHitColumns) + ", 0.0 FROM quotes q" + kHitJoins +
                    " WHERE q.cluster_id = ? ORDER BY a.date IS NULL, a.date, o.name, q.id LIMIT ?";
  if (s = db_.Prepare(sql, &m); !s.ok()) return s;
  m.Bind(1, cluster.id);
  m.Bind(2, static_cast<int64_t>(kMaxClusterMembers));
  std::set<std::string> seen;
  while (m.Step(&s)) {
    cluster.members.push_back(ReadHit(m));
    const std::string& outlet = cluster.members.back().outlet;
    if (!outlet.empty() && seen.insert(outlet).second) cluster.outlets.push_back(outlet);
  }
  if (!s.ok()) return s;
  return cluster;
}

StatusOr<std::vector<QuoteHit>> SqliteStore::CheckClaim(const std::string& claim, int limit) {
  StatusOr<ClaimCheck> check = CheckAttribution(claim, std::nullopt, limit);
  if (!check.ok()) return check.status();
  return std::move(check->matches);
}

namespace {

bool SameSpeakerName(const std::string& claimed, const std::string& speaker) {
  if (speaker.empty()) return false;
  PersonName a = ParsePersonName(claimed, false), b = ParsePersonName(speaker, false);
  return !a.surname.empty() && a.surname == b.surname && FirstNamesCompatible(a, b);
}

}  // namespace

StatusOr<ClaimCheck> SqliteStore::CheckAttribution(const std::string& claim,
                                                   const std::optional<std::string>& speaker, int limit) {
  if (limit <= 0 || limit > kMaxLimit) {
    return Status::InvalidArgument("limit must be between 1 and " + std::to_string(kMaxLimit));
  }
  std::vector<std::string> words = ContentWords(claim);
  if (words.empty()) words = NormalizedWords(claim);
  if (words.empty()) return Status::InvalidArgument("the claim has no words to search for");
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  if (words.size() > 32) words.resize(32);
  std::string fts;
  for (const std::string& w : words) fts += (fts.empty() ? "\"" : " OR \"") + w + "\"";
  std::string sql = std::string(kHitColumns) + ", 0.0 FROM quote_fts f JOIN quotes q ON q.id = f.rowid" +
                    kHitJoins + " WHERE quote_fts MATCH ? ORDER BY f.rank LIMIT ?";
  Statement st;
  Status s = db_.Prepare(sql, &st);
  if (!s.ok()) return s;
  st.Bind(1, fts);
  st.Bind(2, int64_t{kClaimCandidates});
  std::vector<QuoteHit> hits;
  while (st.Step(&s)) {
    hits.push_back(ReadHit(st));
    hits.back().score = ClaimSimilarity(claim, hits.back().text);
  }
  if (!s.ok()) return s;
  std::stable_sort(hits.begin(), hits.end(), [](const QuoteHit& a, const QuoteHit& b) {
    return a.score > b.score || (a.score == b.score && a.id < b.id);
  });
  ClaimCheck check;
  if (speaker) {
    check.claimed_speaker = *speaker;
    StatusOr<std::vector<int64_t>> ids = PeopleNamed(*speaker);
    if (!ids.ok()) return ids.status();
    bool any_claimed = false;
    for (const QuoteHit& h : hits) {
      if (h.score < kClaimMatchThreshold) break;
      bool by_claimed = (h.person_id && std::count(ids->begin(), ids->end(), *h.person_id) > 0) ||
                        SameSpeakerName(*speaker, h.speaker);
      any_claimed = any_claimed || by_claimed;
    }
    check.misattributed = !hits.empty() && hits[0].score >= kClaimMatchThreshold && !any_claimed &&
                          !hits[0].speaker.empty();
  }
  if (!hits.empty()) check.matched_speaker = hits[0].speaker;
  // One statement per quotation: syndicated copies would crowd the list.
  std::set<int64_t> clusters;
  for (QuoteHit& h : hits) {
    if (static_cast<int>(check.matches.size()) >= limit) break;
    if (clusters.insert(h.cluster_id).second) check.matches.push_back(std::move(h));
  }
  return check;
}

StatusOr<StoreStats> SqliteStore::Stats() {
  StoreStats stats;
  struct {
    int64_t* out;
    const char* sql;
  } const kCounts[] = {
      {&stats.articles, "SELECT count(*) FROM articles"},
      {&stats.quotes, "SELECT count(*) FROM quotes"},
      {&stats.people, "SELECT count(*) FROM people"},
      {&stats.outlets, "SELECT count(*) FROM outlets"},
      {&stats.clusters, "SELECT count(*) FROM clusters"},
      {&stats.syndication_groups,
       "SELECT count(*) FROM (SELECT syndication_group FROM articles GROUP BY syndication_group"
       " HAVING count(*) > 1)"},
  };
  for (const auto& c : kCounts) {
    Statement st;
    Status s = db_.Prepare(c.sql, &st);
    if (!s.ok()) return s;
    if (st.Step(&s)) *c.out = st.Int(0);
    if (!s.ok()) return s;
  }
  return stats;
}

}  // namespace whosaid::internal
