// SqliteStore: the embedded SQLite implementation of whosaid::Store. Writes
// run in one IMMEDIATE transaction per AddArticles call on a WAL database,
// so a killed writer leaves the last committed state and readers in other
// connections keep reading meanwhile. A writer keeps its clustering lookups
// and caches in memory across calls and catches up on what other
// connections commit. A bulk build (StoreOptions::bulk_build) writes a new
// database into a temporary file without a journal on disk, query indexes
// or quote FTS, and Finish builds those (and adds the people's quote
// counts, kept in memory until then) and renames the file into place.
// Not thread-safe; one per thread.
#ifndef WHOSAID_STORE_SQLITE_STORE_H_
#define WHOSAID_STORE_SQLITE_STORE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "src/store/cluster_index.h"
#include "src/store/person_identity.h"
#include "src/store/sqlite_db.h"
#include "whosaid/store.h"

namespace whosaid::internal {

// A value bound to a query parameter.
using SqlParam = std::variant<int64_t, std::string>;

class SqliteStore : public Store {
 public:
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options);
  // Deletes the partial file of a bulk build that was not finished.
  ~SqliteStore() override;

  Status AddArticles(const std::vector<Article>& articles, int64_t* added) override;
  Status IndexArticleText(int64_t* indexed) override;
  Status Finish() override;
  StatusOr<std::vector<QuoteHit>> SearchQuotes(const QuoteQuery& query) override;
  StatusOr<std::vector<PersonRecord>> TopSpeakers(int limit) override;
  StatusOr<PersonRecord> GetPerson(int64_t id) override;
  StatusOr<ArticleRecord> GetArticle(int64_t id) override;
  StatusOr<QuoteCluster> GetQuoteCluster(int64_t quote_id) override;
  StatusOr<std::vector<QuoteHit>> CheckClaim(const std::string& claim, int limit) override;
  StatusOr<ClaimCheck> CheckAttribution(const std::string& claim, const std::optional<std::string>& speaker,
                                        int limit) override;
  StatusOr<StoreStats> Stats() override;

 private:
  // A person as the writer holds it during one transaction.
  struct CachedPerson {
    KnownPerson known;
    std::string name;  // Display name.
    std::vector<std::string> aliases;
    // NormalizeName of each of known.titles and aliases, kept beside them
    // (rebuilt when the sizes differ).
    std::vector<std::string> title_norms, alias_norms;
    // JsonStrings of known.titles and aliases as last written, and the list
    // sizes they were made from: the lists only grow (or are reloaded, which
    // resets these), so an unchanged size means unchanged JSON.
    std::string titles_json, aliases_json;
    size_t titles_json_size = SIZE_MAX, aliases_json_size = SIZE_MAX;
    std::set<std::string> lookup_names;  // Rows present in person_names.
    int64_t quote_delta = 0;
    bool dirty = false;
    // The name changed since the row was last written (FlushPeople).
    bool name_changed = false;
  };
  // An article with SimHash bands, as SyndicationGroup compares it.
  struct BandedArticle {
    int64_t id;
    uint64_t simhash;
    int64_t group;  // Its syndication_group.
  };
  // What is known of one quote cluster during a transaction.
  struct ClusterInfo {
    std::vector<uint64_t> rep_words;
    bool used = false;  // Consulted as a candidate since the last eviction.
  };

  SqliteStore() = default;
  // Sets the pragmas of a writer on path: WAL, or for a bulk build a
  // journal in memory, no syncs and an exclusive lock.
  Status ConfigureWriter();
  // Opens path + kBulkSuffix for a new bulk build, replacing a stale one.
  Status OpenBulkFile(const std::string& path);
  // Finish's steps after the indexes are built: close, sync, rename.
  Status InstallBulkFile();
  // Closes the connection, finalizing the writer statements first.
  Status CloseDb();
  Status Prepare();
  Status AddOneArticle(const Article& article, bool* added);
  StatusOr<int64_t> OutletId(const std::optional<std::string>& publisher);
  StatusOr<int64_t> ResolvePerson(const std::string& name, bool is_organization,
                                  const std::vector<std::string>& titles,
                                  const std::vector<std::string>& aliases);
  Status LoadSurname(const PersonName& name, std::vector<int64_t>** ids);
  Status AddLookupNames(CachedPerson* person, const std::string* const* names, size_t count);
  // ParsePersonName and NormalizeName, remembered: the same names recur in
  // every batch.
  const PersonName& ParsedName(const std::string& name, bool is_organization);
  const std::string& NormalizedName(const std::string& name);
  // Returns the syndication group of a new article (its own id unless a
  // near-duplicate is stored) and stores its bands.
  StatusOr<int64_t> SyndicationGroup(int64_t article_id, uint64_t simhash, size_t words);
  void AddBandedArticle(const BandedArticle& article);
  // Returns the quote's cluster, creating it or counting one more
  // occurrence. `counted` is the cluster the quote's outer statement (the
  // one it is reported within) already counts in this article, or 0: the
  // same words are not counted twice.
  StatusOr<int64_t> AssignCluster(int64_t quote_id, const std::string& text, int64_t person_id,
                                  const std::optional<std::string>& article_date, int64_t outlet_id,
                                  int64_t counted);
  StatusOr<const ClusterInfo*> LoadCluster(int64_t cluster_id);
  // Brings the in-memory writer state up to date with the database at the
  // start of a transaction: drops the people and outlet caches and catches
  // cluster_index_ up when another connection committed since our last
  // commit (or nothing is loaded yet).
  Status SyncWriterState();
  // Adds to syndication_bands_ the banded articles from
  // syndication_next_article_ on.
  Status CatchUpSyndicationBands();
  // Adds to cluster_index_ the quotes from cluster_index_next_quote_ on and
  // the clusters whose representative is one of them.
  Status CatchUpClusterIndex();
  Status FlushPeople();
  // Finish's first step in a bulk build: adds deferred_quote_counts_ to the
  // people rows.
  Status AddDeferredQuoteCounts();
  void ClearWriteCaches();
  // Forgets everything the writer holds in memory, after a rollback.
  void ResetWriterState();
  StatusOr<std::vector<int64_t>> PeopleNamed(const std::string& name);
  // Runs a SELECT of kHitColumns plus a score column.
  StatusOr<std::vector<QuoteHit>> RunHitQuery(const std::string& sql, const std::vector<SqlParam>& params);
  // The full-text half of SearchQuotes; filters (" AND ..." over quotes q)
  // and their parameters come from SearchQuotes.
  StatusOr<std::vector<QuoteHit>> SearchText(const QuoteQuery& query, const std::string& filters,
                                             const std::vector<SqlParam>& filter_params);

  Db db_;
  bool read_only_ = false;
  // Set while a bulk build is unfinished: the final path; db_ is open on
  // final_path_ + kBulkSuffix.
  std::string final_path_;
  bool keep_bulk_file_ = false;  // Finish failed after path appeared.
  int64_t next_article_id_ = 0;
  int64_t next_quote_id_ = 0;
  int64_t next_cluster_id_ = 0;
  int64_t next_person_id_ = 0;

  // Writer caches kept across transactions while no other connection
  // writes (SyncWriterState); cleared after a rollback.
  std::unordered_map<std::string, int64_t> outlet_ids_;
  std::unordered_map<std::string, std::vector<int64_t>> surname_people_;  // surname or org name
  std::unordered_map<int64_t, CachedPerson> people_;  // Node-based: references stay valid.
  std::vector<int64_t> dirty_people_;  // Ids whose CachedPerson::dirty was set.
  // A bulk build's quotes per person not yet added to people.quote_count:
  // those of committed batches (by person id), and those of the batch in
  // flight as (id, count), moved over when it commits. Not writer caches:
  // a rollback keeps the committed counts.
  std::vector<int64_t> deferred_quote_counts_;
  std::vector<std::pair<int64_t, int64_t>> batch_quote_counts_;
  // Pure functions of the name, so kept until they grow large.
  std::unordered_map<std::string, PersonName> parsed_names_[2];  // By is_organization.
  std::unordered_map<std::string, std::string> normalized_names_;
  ClusterIndex cluster_index_;
  bool cluster_index_loaded_ = false;
  int64_t cluster_index_next_quote_ = 1;  // Quotes below this are in cluster_index_.
  // simhash_bands joined with the articles' SimHash and group, in memory:
  // by band (below 4 << 16), the articles holding it in ascending id order,
  // as the rows of simhash_bands are. When syndication_in_memory_ (the
  // writer started on a database without articles, e.g. a bulk build),
  // SyndicationGroup reads these instead of querying per band. Derived
  // data, kept in step like cluster_index_.
  bool syndication_in_memory_ = false;
  std::vector<std::vector<BandedArticle>> syndication_bands_;
  int64_t syndication_next_article_ = 1;  // Articles below this are in syndication_bands_.
  int64_t data_version_ = -1;  // PRAGMA data_version after our last commit.
  // Representatives' words by cluster, kept across transactions like the
  // caches above; bounded by ClearWriteCaches.
  std::unordered_map<int64_t, ClusterInfo> clusters_;

  // Scratch buffers of the row-building code, reused across quotes and
  // articles so hashing and clustering allocate nothing once warm.
  std::vector<uint64_t> scratch_words_, scratch_fingerprints_;
  std::vector<int64_t> scratch_shared_, scratch_candidates_;
  std::string scratch_json_;  // A quote's extra JSON, bound until its row is written.

  // Prepared writer statements.
  Statement find_article_, insert_article_, insert_band_, find_band_;
  Statement find_outlet_, insert_outlet_;
  Statement people_by_surname_, people_by_org_, insert_person_, update_person_, count_person_quotes_;
  Statement insert_person_name_;
  Statement insert_article_person_, insert_quote_, index_quote_text_;
  Statement insert_cluster_, update_cluster_, set_cluster_rep_, cluster_rep_text_;
};

}  // namespace whosaid::internal

#endif  // WHOSAID_STORE_SQLITE_STORE_H_
