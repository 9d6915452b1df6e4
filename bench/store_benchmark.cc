// Benchmark of the quote index (issue 5): builds a database from the
// PolNeAR train texts, replicated into generated variants until it holds
// --target-quotes quotes, and reports indexing speed (one core, quote FTS
// included; the opt-in article-text pass timed apart), p50/p99 latency of
// speaker and full-text queries, and database size against the JSONL it was
// built from. It then reopens the database and re-adds the last batch: it
// must add nothing, and its CPU time is a new writer's one-time rebuild of
// the in-memory clustering lookups. Every figure comes from this one run;
// results are checked so a fast wrong answer does not count.
//
// Until the attribution engine fills Article::quotes, quotes are generated:
// sentences of each article become quotes of a few generated speakers. The
// replication factor derives from the quote count either way.
//
// Usage: store_benchmark [--corpus DIR] [--db PATH] [--target-quotes N]
//                        [--queries N] [--synthetic always|auto|never]
//                        [--query-only 1] [--bulk 0|1]
// --bulk 1 (the default: the benchmark builds a new database) opens the
// store with StoreOptions::bulk_build, and the CPU time of Store::Finish,
// which builds the query indexes and quote FTS, counts as indexing time.
// --bulk 0 measures the incremental path (every batch committed to WAL).
// --query-only 1 skips indexing and queries an existing --db built by an
// earlier run with the same corpus, e.g. to compare query plans.
#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "src/store/person_identity.h"
#include "src/store/text_signature.h"
#include "src/util/utf8.h"
#include "whosaid/pipeline.h"
#include "whosaid/store.h"

namespace {

using Clock = std::chrono::steady_clock;
using whosaid::Article;

double Seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// CPU time of this thread: what one core spent, whatever else the machine runs.
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

// Generated speakers: names the benchmark makes up, popularity Zipf-like.
const char* const kFirst[] = {"Anna", "Ben", "Carla", "David", "Elena", "Frank", "Grace", "Hugo", "Ines", "Jonas",
                              "Karen", "Leo", "Maria", "Nils", "Olga", "Paul", "Rosa", "Sam", "Tina", "Victor"};
const char* const kLast[] = {"Adler", "Brandt", "Castillo", "Dorsey", "Eklund", "Fischer", "Garcia", "Hale",
                             "Ivers", "Jansen", "Keller", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov",
                             "Quinn", "Romero", "Sato", "Tanaka", "Ulrich", "Varga", "Weber", "Yilmaz", "Zeller"};
const char* const kTitles[] = {"Senator", "Governor", "Secretary of State", "campaign spokesman", "Representative",
                               "party chairman", "Mayor", "White House press secretary"};

struct Speaker {
  std::string name;
  std::string title;
};

std::vector<Speaker> MakeSpeakers() {
  std::vector<Speaker> out;
  for (size_t l = 0; l < std::size(kLast); ++l) {
    for (size_t f = 0; f < std::size(kFirst); ++f) {
      out.push_back({std::string(kFirst[f]) + " " + kLast[l], kTitles[(f + l) % std::size(kTitles)]});
    }
  }
  return out;
}

// Recomputes span.text from the article text after the text changed.
void Refresh(const whosaid::internal::CodePointIndex& index, const std::string& text, whosaid::Span* span) {
  if (span->end > index.size() || span->start > span->end) return;
  size_t b = index.ToByte(span->start), e = index.ToByte(span->end);
  span->text = text.substr(b, e - b);
}

// Turns sentences of a into quotes of generated speakers (up to 27, about
// PolNeAR's density of attributions per article).
void AddSyntheticQuotes(const std::vector<Speaker>& speakers, std::mt19937_64* rng, Article* a) {
  a->people.clear();
  a->quotes.clear();
  std::geometric_distribution<int> zipf(0.02);
  for (int p = 0; p < 3; ++p) {
    const Speaker& s = speakers[std::min<size_t>(zipf(*rng), speakers.size() - 1)];
    whosaid::Person person;
    person.id = "p" + std::to_string(p + 1);
    person.name = s.name;
    person.titles = {s.title};
    person.aliases = {s.name.substr(s.name.find(' ') + 1)};
    a->people.push_back(person);
  }
  whosaid::internal::CodePointIndex index(a->text);
  size_t start = 0;
  int n = 0;
  while (start < a->text.size() && n < 27) {
    size_t end = a->text.find_first_of(".!?\n", start);
    if (end == std::string::npos) end = a->text.size();
    std::string_view sentence(a->text.data() + start, end - start);
    size_t lead = sentence.find_first_not_of(" \n\"");
    if (lead != std::string::npos && whosaid::internal::NormalizedWords(sentence).size() >= 8) {
      whosaid::Quote q;
      q.type = n % 3 == 0 ? whosaid::QuoteType::kDirect : whosaid::QuoteType::kIndirect;
      size_t b = start + lead;
      q.content = {index.ToCodePoint(b), index.ToCodePoint(end), a->text.substr(b, end - b)};
      const whosaid::Person& p = a->people[n % 3];
      q.speaker = p.name;
      q.speaker_id = p.id;
      if (n % 4 == 0) q.addressee = "reporters";
      a->quotes.push_back(std::move(q));
      ++n;
    }
    start = end + 1;
  }
}

// Makes variant r of a base article: ~15% of its ASCII words swapped for
// corpus words of the same length (so every span keeps its offsets), a new
// URL and a shifted date.
Article MakeVariant(const Article& base, int r, size_t i, const std::vector<std::vector<std::string>>& vocab) {
  Article a = base;
  a.url = "https://bench.example/" + std::to_string(r) + "/" + std::to_string(i);
  a.id = *a.url;
  int day = static_cast<int>((i * 7 + r * 3) % 28) + 1;
  a.date = "2016-" + std::string((r % 12) + 1 < 10 ? "0" : "") + std::to_string((r % 12) + 1) + "-" +
           (day < 10 ? "0" : "") + std::to_string(day);
  if (r == 0) return a;
  std::string& t = a.text;
  for (size_t pos = 0; pos < t.size();) {
    size_t e = pos;
    while (e < t.size() && std::isalpha(static_cast<unsigned char>(t[e]))) ++e;
    size_t len = e - pos;
    if (len >= 3 && len < vocab.size() && !vocab[len].empty()) {
      uint64_t h = whosaid::internal::Hash64(std::to_string(r) + ":" + std::to_string(i) + ":" + std::to_string(pos));
      if (h % 100 < 15) t.replace(pos, len, vocab[len][(h >> 8) % vocab[len].size()]);
    }
    pos = e == pos ? pos + 1 : e;
  }
  whosaid::internal::CodePointIndex index(t);
  for (whosaid::Quote& q : a.quotes) {
    Refresh(index, t, &q.content);
    if (q.cue) Refresh(index, t, &*q.cue);
    if (q.source) Refresh(index, t, &*q.source);
    for (whosaid::Span& s : q.parts) Refresh(index, t, &s);
  }
  for (whosaid::Person& p : a.people) {
    for (whosaid::Mention& m : p.mentions) Refresh(index, t, &m.span);
  }
  return a;
}

struct Latency {
  double p50 = 0, p99 = 0, max = 0;
};

Latency Percentiles(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  Latency l;
  if (ms.empty()) return l;
  l.p50 = ms[ms.size() / 2];
  l.p99 = ms[std::min(ms.size() - 1, static_cast<size_t>(ms.size() * 0.99))];
  l.max = ms.back();
  return l;
}

// Returns the named speakers of the corpus quotes, one entry per quote, so
// drawing uniformly from it draws speakers by how often they are quoted.
// Only person names of two or more words count, as a user would type them.
std::vector<std::string> QuotedSpeakers(const std::vector<Article>& base) {
  std::vector<std::string> out;
  for (const Article& a : base) {
    for (const whosaid::Quote& q : a.quotes) {
      const whosaid::Person* person = nullptr;
      for (const whosaid::Person& p : a.people) {
        if (q.speaker_id && p.id == *q.speaker_id) person = &p;
      }
      if (person == nullptr || person->is_organization || person->name.find(' ') == std::string::npos) continue;
      out.push_back(person->name);
    }
  }
  return out;
}

struct IndexResult {
  double cpu_seconds = 0;
  int64_t articles = 0, db_bytes = 0, jsonl_bytes = 0;
};

int64_t FileSize(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 ? st.st_size : 0;
}

// Indexes `replicas` variants of base into a new database at db, timing only
// AddArticles, and prints the indexing figures. Returns false (after saying
// why) when indexing fails or the store's counts are wrong.
bool IndexReplicas(const std::vector<Article>& base, int replicas,
                   const std::vector<std::vector<std::string>>& vocab, const std::string& db, bool bulk,
                   IndexResult* out) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", ".bulk-partial"}) std::filesystem::remove(db + suffix, ec);
  whosaid::StoreOptions options;
  options.bulk_build = bulk;
  whosaid::StatusOr<std::unique_ptr<whosaid::Store>> store = whosaid::Store::Open(db, options);
  if (!store.ok()) { std::fprintf(stderr, "%s\n", store.status().ToString().c_str()); return false; }
  double index_seconds = 0, index_cpu_seconds = 0, generate_seconds = 0;
  int64_t jsonl_bytes = 0, articles = 0, quotes = 0;
  std::vector<Article> batch, last_batch;
  for (int r = 0; r < replicas; ++r) {
    for (size_t i = 0; i < base.size(); ++i) {
      auto g0 = Clock::now();
      batch.push_back(MakeVariant(base[i], r, i, vocab));
      jsonl_bytes += static_cast<int64_t>(whosaid::ArticleToJson(batch.back(), false).size()) + 1;
      quotes += static_cast<int64_t>(batch.back().quotes.size());
      generate_seconds += Seconds(g0, Clock::now());
      if (batch.size() == 1000 || (r == replicas - 1 && i == base.size() - 1)) {
        auto a0 = Clock::now();
        double c0 = ThreadCpuSeconds();
        int64_t added = 0;
        whosaid::Status s = (*store)->AddArticles(batch, &added);
        index_seconds += Seconds(a0, Clock::now());
        index_cpu_seconds += ThreadCpuSeconds() - c0;
        if (!s.ok() || added != static_cast<int64_t>(batch.size())) {
          std::fprintf(stderr, "index failed: %s (added %lld of %zu)\n", s.ToString().c_str(),
                       static_cast<long long>(added), batch.size());
          return false;
        }
        articles += added;
        last_batch.swap(batch);
        batch.clear();
      }
    }
  }
  // Completing a bulk build is indexing work too (a no-op otherwise).
  auto f0 = Clock::now();
  double finish_cpu0 = ThreadCpuSeconds();
  whosaid::Status finished = (*store)->Finish();
  double finish_cpu_seconds = ThreadCpuSeconds() - finish_cpu0;
  index_cpu_seconds += finish_cpu_seconds;
  index_seconds += Seconds(f0, Clock::now());
  if (!finished.ok() || !std::filesystem::exists(db)) {
    std::fprintf(stderr, "CHECK FAILED: finishing the build: %s\n", finished.ToString().c_str());
    return false;
  }
  // The opt-in article-text pass (whosaid index --article-text), timed on
  // its own: AddArticles indexes quote text only.
  double pass_cpu0 = ThreadCpuSeconds();
  int64_t article_text_indexed = 0;
  whosaid::Status pass = (*store)->IndexArticleText(&article_text_indexed);
  double pass_cpu_seconds = ThreadCpuSeconds() - pass_cpu0;
  if (!pass.ok() || article_text_indexed != articles) {
    std::fprintf(stderr, "CHECK FAILED: article-text pass indexed %lld of %lld articles: %s\n",
                 static_cast<long long>(article_text_indexed), static_cast<long long>(articles),
                 pass.ToString().c_str());
    return false;
  }
  // A new writer on the full database: its first batch rebuilds the
  // clustering lookups from the stored quotes. The batch is one already
  // indexed, so it must add nothing.
  store.value().reset();
  store = whosaid::Store::Open(db, whosaid::StoreOptions{});
  if (!store.ok()) { std::fprintf(stderr, "%s\n", store.status().ToString().c_str()); return false; }
  double reopen_cpu0 = ThreadCpuSeconds();
  int64_t readded = -1;
  whosaid::Status again = (*store)->AddArticles(last_batch, &readded);
  double reopen_cpu_seconds = ThreadCpuSeconds() - reopen_cpu0;
  if (!again.ok() || readded != 0) {
    std::fprintf(stderr, "CHECK FAILED: re-indexing a batch added %lld articles: %s\n",
                 static_cast<long long>(readded), again.ToString().c_str());
    return false;
  }
  whosaid::StatusOr<whosaid::StoreStats> stats = (*store)->Stats();
  store.value().reset();  // Closing checkpoints the WAL into the file.
  if (!stats.ok() || stats->articles != articles || stats->quotes != quotes) {
    std::fprintf(stderr, "CHECK FAILED: store holds a different number of articles or quotes\n");
    return false;
  }
  int64_t db_bytes = FileSize(db) + FileSize(db + "-wal");
  std::printf("index: %lld articles, %lld quotes in %.2f s wall = %.0f articles/s, %.0f quotes/s (one thread, "
              "quote FTS5 included; generating variants took another %.2f s, not counted)\n",
              static_cast<long long>(articles), static_cast<long long>(quotes), index_seconds,
              articles / index_seconds, quotes / index_seconds, generate_seconds);
  std::printf("index: %s build: %.2f s CPU on the indexing thread = %.0f articles/s per core "
              "(of which Finish %.2f s)\n", bulk ? "bulk" : "incremental", index_cpu_seconds,
              articles / index_cpu_seconds, finish_cpu_seconds);
  std::printf("index: article-text pass (opt-in) %.2f s CPU = %.0f articles/s; with it %.0f articles/s per core\n",
              pass_cpu_seconds, articles / pass_cpu_seconds, articles / (index_cpu_seconds + pass_cpu_seconds));
  std::printf("index: a new writer on this database: first batch (%zu articles already present) %.2f s CPU, "
              "most of it rebuilding the in-memory clustering lookups from %lld quotes\n",
              last_batch.size(), reopen_cpu_seconds, static_cast<long long>(quotes));
  std::printf("store: %lld people, %lld quote clusters, %lld syndication groups\n",
              static_cast<long long>(stats->people), static_cast<long long>(stats->clusters),
              static_cast<long long>(stats->syndication_groups));
  std::printf("size: database %.1f MB (with the article-text index), JSONL %.1f MB, ratio %.2f\n", db_bytes / 1e6, jsonl_bytes / 1e6,
              static_cast<double>(db_bytes) / jsonl_bytes);
  out->cpu_seconds = index_cpu_seconds;
  out->articles = articles;
  out->db_bytes = db_bytes;
  out->jsonl_bytes = jsonl_bytes;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = "../shared/corpora/polnear/train/text";
  std::string db = "/tmp/whosaid_store_bench.db";
  int64_t target_quotes = 1000000;
  int queries = 500;
  std::string synthetic = "auto";
  bool query_only = false;
  bool bulk = true;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i], v = argv[i + 1];
    if (a == "--corpus") corpus = v;
    else if (a == "--db") db = v;
    else if (a == "--target-quotes") target_quotes = std::atoll(v.c_str());
    else if (a == "--queries") queries = std::atoi(v.c_str());
    else if (a == "--synthetic") synthetic = v;
    else if (a == "--query-only") query_only = v == "1";
    else if (a == "--bulk") bulk = v != "0";
    else { std::fprintf(stderr, "unknown option %s\n", a.c_str()); return 2; }
  }
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(corpus, ec)) {
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  }
  if (files.empty()) {
    std::fprintf(stderr, "no .txt files in %s\n", corpus.c_str());
    return 1;
  }
  std::sort(files.begin(), files.end());

  // 1. Extract with the library.
  auto t0 = Clock::now();
  std::vector<Article> base;
  int64_t engine_quotes = 0, failed = 0;
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    whosaid::StatusOr<Article> a = whosaid::ExtractPlainText(ss.str(), f, whosaid::ExtractOptions{});
    if (!a.ok()) { ++failed; continue; }
    engine_quotes += static_cast<int64_t>(a->quotes.size());
    base.push_back(std::move(a.value()));
  }
  auto t1 = Clock::now();
  std::printf("extract: %zu articles (%lld failed) in %.2f s = %.0f articles/s; engine found %lld quotes\n",
              base.size(), static_cast<long long>(failed), Seconds(t0, t1), base.size() / Seconds(t0, t1),
              static_cast<long long>(engine_quotes));
  bool use_synthetic = synthetic == "always" ||
                       (synthetic == "auto" && engine_quotes < static_cast<int64_t>(base.size()) * 5);
  std::vector<Speaker> speakers = MakeSpeakers();
  std::mt19937_64 rng(42);
  int64_t base_quotes = 0;
  std::vector<std::vector<std::string>> vocab(16);
  for (Article& a : base) {
    if (use_synthetic) AddSyntheticQuotes(speakers, &rng, &a);
    base_quotes += static_cast<int64_t>(a.quotes.size());
    for (const std::string& w : whosaid::internal::NormalizedWords(a.text)) {
      bool ascii = std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (ascii && w.size() < vocab.size() && vocab[w.size()].size() < 2000) vocab[w.size()].push_back(w);
    }
  }
  if (base_quotes == 0) {
    std::fprintf(stderr, "no quotes to index; run with --synthetic always\n");
    return 1;
  }
  int replicas = static_cast<int>((target_quotes + base_quotes - 1) / base_quotes);
  std::printf("quotes: %s, %lld per replica; %d replica(s) for >= %lld quotes\n",
              use_synthetic ? "generated from sentences" : "from the engine", static_cast<long long>(base_quotes),
              replicas, static_cast<long long>(target_quotes));

  // 2. Index, timing only AddArticles.
  IndexResult indexed;
  if (!query_only && !IndexReplicas(base, replicas, vocab, db, bulk, &indexed)) return 1;

  // 3. Queries on a read-only connection, as search and serve use it.
  whosaid::StoreOptions ro;
  ro.read_only = true;
  whosaid::StatusOr<std::unique_ptr<whosaid::Store>> store = whosaid::Store::Open(db, ro);
  if (!store.ok()) { std::fprintf(stderr, "%s\n", store.status().ToString().c_str()); return 1; }
  std::vector<double> speaker_ms, text_ms;
  int64_t speaker_hits = 0, text_hits = 0;
  // Speakers are drawn in proportion to how often they are quoted, so the
  // popular names that dominate real traffic (and have the most rows) dominate here too.
  std::vector<std::string> quoted = QuotedSpeakers(base);
  if (quoted.empty()) { std::fprintf(stderr, "CHECK FAILED: no named speaker in the corpus\n"); return 1; }
  std::uniform_int_distribution<size_t> pick_speaker(0, quoted.size() - 1);
  for (int i = 0; i < queries; ++i) {
    const std::string& name = quoted[pick_speaker(rng)];
    whosaid::QuoteQuery q;
    std::string surname = whosaid::internal::ParsePersonName(name, false).surname;
    // Full name, or the surname alone as an alias query.
    q.speaker = i % 2 || surname.empty() ? name : surname;
    auto q0 = Clock::now();
    auto hits = (*store)->SearchQuotes(q);
    speaker_ms.push_back(Seconds(q0, Clock::now()) * 1000);
    if (!hits.ok()) { std::fprintf(stderr, "%s\n", hits.status().ToString().c_str()); return 1; }
    // The speaker is quoted in the corpus, so the query must find something;
    // every hit must carry the queried surname (aliases resolve to people
    // with that surname, never to someone else).
    std::string want = whosaid::internal::NormalizeName(surname);
    if (hits->empty()) {
      std::fprintf(stderr, "CHECK FAILED: speaker query '%s' found nothing\n", q.speaker->c_str());
      return 1;
    }
    for (const auto& h : *hits) {
      std::string got = " " + whosaid::internal::NormalizeName(h.speaker) + " ";
      if (got.find(" " + want + " ") == std::string::npos) {
        std::fprintf(stderr, "CHECK FAILED: speaker query %s returned %s\n", q.speaker->c_str(), h.speaker.c_str());
        return 1;
      }
    }
    speaker_hits += static_cast<int64_t>(hits->size());
  }
  std::uniform_int_distribution<size_t> pick(0, base.size() - 1);
  for (int i = 0; i < queries; ++i) {
    const Article& a = base[pick(rng)];
    if (a.quotes.empty()) { --i; continue; }
    std::vector<std::string> words = whosaid::internal::ContentWords(a.quotes[i % a.quotes.size()].content.text);
    if (words.size() < 2) { --i; continue; }
    whosaid::QuoteQuery q;
    q.text = words[i % words.size()] + " " + words[(i + 1) % words.size()];
    auto q0 = Clock::now();
    auto hits = (*store)->SearchQuotes(q);
    text_ms.push_back(Seconds(q0, Clock::now()) * 1000);
    if (!hits.ok()) { std::fprintf(stderr, "%s\n", hits.status().ToString().c_str()); return 1; }
    for (const auto& h : *hits) {
      std::vector<std::string> hw = whosaid::internal::NormalizedWords(h.text);
      if (std::find(hw.begin(), hw.end(), words[i % words.size()]) == hw.end()) {
        std::fprintf(stderr, "CHECK FAILED: text query '%s' returned '%s'\n", q.text.c_str(), h.text.c_str());
        return 1;
      }
    }
    if (hits->empty()) {
      // The words come from an indexed quote, so at least that quote matches.
      std::fprintf(stderr, "CHECK FAILED: text query '%s' found nothing\n", q.text.c_str());
      return 1;
    }
    for (size_t k = 1; k < hits->size(); ++k) {
      if ((*hits)[k].score > (*hits)[k - 1].score) {
        std::fprintf(stderr, "CHECK FAILED: text query '%s' hits not in score order\n", q.text.c_str());
        return 1;
      }
    }
    text_hits += static_cast<int64_t>(hits->size());
  }
  Latency sp = Percentiles(speaker_ms), tx = Percentiles(text_ms);
  std::printf("speaker query (limit 20, newest first): p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d queries "
              "(%.1f hits avg)\n", sp.p50, sp.p99, sp.max, queries, static_cast<double>(speaker_hits) / queries);
  std::printf("full-text query (two words, limit 20, bm25): p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d queries "
              "(%.1f hits avg)\n", tx.p50, tx.p99, tx.max, queries, static_cast<double>(text_hits) / queries);
  std::printf("targets: >= 5000 articles/s: %s; p99 < 50 ms: speaker %s, text %s; size < 2x JSONL: %s\n",
              query_only ? "not measured" : indexed.articles / indexed.cpu_seconds >= 5000 ? "met" : "NOT met",
              sp.p99 < 50 ? "met" : "NOT met", tx.p99 < 50 ? "met" : "NOT met",
              query_only ? "not measured" : indexed.db_bytes < 2 * indexed.jsonl_bytes ? "met" : "NOT met");
  return 0;
}
