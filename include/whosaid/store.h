// The quote index: an embedded SQLite store of articles, people, quotes and
// quote clusters, with full-text search. One Store object per connection; a
// Store is not thread-safe, open one per thread. Several processes may read
// while one writes (WAL).
//
// Example:
//   whosaid::StatusOr<std::unique_ptr<whosaid::Store>> store =
//       whosaid::Store::Open("quotes.db", whosaid::StoreOptions{});
//   if (!store.ok()) { ... store.status().message() ... }
//   int64_t added = 0;
//   (*store)->AddArticles(articles, &added);
//   whosaid::QuoteQuery q; q.speaker = "Rutte";
//   auto hits = (*store)->SearchQuotes(q);
#ifndef WHOSAID_STORE_H_
#define WHOSAID_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "whosaid/article.h"
#include "whosaid/status.h"

namespace whosaid {

struct StoreOptions {
  // Open without writing; search and serve use this. Default: false.
  bool read_only = false;
  // Create the file when missing. Ignored when read_only. Default: true.
  bool create_if_missing = true;
  // Builds a new database in bulk: only when path does not exist yet (else
  // ignored, and articles are added incrementally as usual). Rows go into
  // a temporary file beside path ("PATH.bulk-partial") without the
  // secondary indexes and quote full-text index and without a journal on
  // disk; Store::Finish builds those once and renames the file to path.
  // Nothing exists under path until Finish succeeds: a build that is
  // killed, fails or is destroyed before Finish leaves no database (the
  // partial file is deleted, or replaced by the next bulk build), and the
  // whole input must be indexed again. Readers see nothing until then.
  // Opt-in, not automatic for a new path, because of that trade: the
  // incremental path makes each batch durable and visible, so a killed run
  // resumes where it stopped. The finished database holds the same rows and
  // answers every query as an incremental build of the same articles.
  // Default: false.
  bool bulk_build = false;
};

// What a search asks for. Unset fields do not filter.
struct QuoteQuery {
  std::string text;                     // Full-text query over quote content.
  std::optional<std::string> speaker;   // Name or alias: "Rutte".
  std::optional<std::string> addressee;
  std::optional<std::string> outlet;    // Publisher.
  std::optional<std::string> from;      // YYYY-MM-DD, inclusive.
  std::optional<std::string> to;        // YYYY-MM-DD, inclusive.
  std::optional<QuoteType> type;
  int limit = 20;
  int offset = 0;
};

// One quote as stored, with what a result list needs to show.
struct QuoteHit {
  int64_t id = 0;                  // Quote id.
  int64_t article_id = 0;
  int64_t cluster_id = 0;          // Same quotation across articles.
  std::optional<int64_t> person_id;
  QuoteType type = QuoteType::kIndirect;
  std::string text;                // Content text.
  std::string speaker;             // Canonical name, "" when unknown.
  std::string cue;
  std::string addressee;
  std::string date;                // Statement date, else article date.
  std::string outlet;              // Article publisher.
  std::string article_title;
  std::string article_url;
  int64_t start = 0;               // Offsets into the article text.
  int64_t end = 0;
  double score = 0;                // Ranking score; higher is better.
  std::string article_date;        // Publication date of the article.
  // Where the quotation (its cluster) was first seen, and how often.
  std::string first_seen_date;
  std::string first_seen_outlet;
  int64_t first_seen_article_id = 0;
  int64_t occurrences = 0;
};

struct PersonRecord {
  int64_t id = 0;
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::string> titles;
  int64_t quote_count = 0;
  // (name, count), most frequent first.
  std::vector<std::pair<std::string, int64_t>> top_addressees;
  std::vector<std::pair<std::string, int64_t>> top_outlets;
  bool is_organization = false;
};

struct ArticleRecord {
  int64_t id = 0;
  Article article;                 // Text, metadata, people, quotes.
  std::vector<int64_t> quote_ids;  // Store ids of article.quotes, same order.
  std::vector<int64_t> person_ids; // Store ids of article.people, same order.
  // Near-duplicate (syndicated) copies share a group: the id of the first
  // copy indexed. syndicated_copies lists the other articles in the group.
  int64_t syndication_group = 0;
  std::vector<int64_t> syndicated_copies;
};

// A quotation seen in one or more articles.
struct QuoteCluster {
  int64_t id = 0;
  std::string text;                // Representative (longest) text.
  std::string speaker;
  std::string first_date;
  std::string first_outlet;
  int64_t occurrences = 0;
  std::vector<QuoteHit> members;   // Ordered by date, then outlet.
  std::vector<std::string> outlets;  // Distinct outlets, by first date.
};

// The answer to "did X really say this?".
struct ClaimCheck {
  std::vector<QuoteHit> matches;   // Best first; QuoteHit::score in [0, 1].
  // True when a claimed speaker was given, the best match is close enough
  // (score >= kClaimMatchThreshold) and neither it nor any other close
  // match is attributed to that speaker.
  bool misattributed = false;
  std::string claimed_speaker;
  std::string matched_speaker;     // Speaker of the best match, "" if none.
};

// Similarity at which a stored statement counts as the claimed one.
constexpr double kClaimMatchThreshold = 0.6;

// Counts of what a store holds.
struct StoreStats {
  int64_t articles = 0;
  int64_t quotes = 0;
  int64_t people = 0;
  int64_t outlets = 0;
  int64_t clusters = 0;
  int64_t syndication_groups = 0;  // Groups with two or more articles.
};

// A store of indexed articles. See the file comment for threading.
class Store {
 public:
  virtual ~Store() = default;

  // Opens or creates the database at path. Returns an error naming the path
  // when it cannot be opened, is not a whosaid database, or has a schema
  // version this build cannot read or migrate.
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options);

  // Adds articles in one transaction. An article already present (same URL,
  // else same content hash) is skipped, so re-indexing adds nothing.
  // *added (may be null) receives the number actually added.
  virtual Status AddArticles(const std::vector<Article>& articles, int64_t* added) = 0;
  // Adds the title and text of every article not yet in the article-text
  // full-text index to it, in one transaction. AddArticles leaves article
  // text out (quote text is always indexed) because tokenising it cost a
  // quarter of indexing time and no query reads it; `whosaid index
  // --article-text` runs this after the batches. A killed run leaves the
  // index as before; the next call completes it. *indexed (may be null)
  // receives the number of articles added.
  virtual Status IndexArticleText(int64_t* indexed) = 0;
  // Completes a bulk build (StoreOptions::bulk_build): creates the
  // secondary indexes, fills the quote full-text index, switches the file
  // to WAL, syncs it and renames it into place, after which the store
  // works as if opened normally on path. Returns an error, and leaves
  // nothing under path, when a step fails or path was created meanwhile
  // (the partial file is then kept, and named in the message). Does
  // nothing for a store that is not a bulk build, or already finished.
  virtual Status Finish() = 0;

  virtual StatusOr<std::vector<QuoteHit>> SearchQuotes(const QuoteQuery& query) = 0;
  // Returns the people quoted most, with counts.
  virtual StatusOr<std::vector<PersonRecord>> TopSpeakers(int limit) = 0;
  // Returns NotFound for an unknown id.
  virtual StatusOr<PersonRecord> GetPerson(int64_t id) = 0;
  virtual StatusOr<ArticleRecord> GetArticle(int64_t id) = 0;
  // id is a quote id; returns the cluster it belongs to.
  virtual StatusOr<QuoteCluster> GetQuoteCluster(int64_t quote_id) = 0;
  // Ranks stored statements by similarity to `claim`.
  virtual StatusOr<std::vector<QuoteHit>> CheckClaim(const std::string& claim, int limit) = 0;
  // Like CheckClaim, and flags a misattribution when speaker (a name or
  // alias) is given and the best match belongs to someone else.
  virtual StatusOr<ClaimCheck> CheckAttribution(const std::string& claim,
                                                const std::optional<std::string>& speaker,
                                                int limit) = 0;
  virtual StatusOr<StoreStats> Stats() = 0;
};

}  // namespace whosaid

#endif  // WHOSAID_STORE_H_
