// whosaid index: articles (plain text or whosaid JSONL) into the quote index.
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "tools/cli.h"
#include "tools/flag_parse.h"
#include "whosaid/article_json.h"
#include "whosaid/pipeline.h"
#include "whosaid/store.h"

namespace whosaid::cli {
namespace {

constexpr size_t kMaxInputBytes = size_t{256} << 20;
constexpr size_t kMaxLineBytes = size_t{64} << 20;

const char kIndexHelp[] =
    "Usage: whosaid index [--raw] [--date YYYY-MM-DD] [--batch N] [--article-text] [--bulk]\n"
    "                     DB INPUT...\n"
    "Builds or updates the quote index DB (one SQLite file) from INPUTs: whosaid\n"
    "JSONL (a file ending in .jsonl/.json, or whose first byte is '{') or plain-text\n"
    "articles, which are extracted first. '-' reads stdin. An article already in DB\n"
    "(same URL, else same text) is skipped, so indexing again adds nothing.\n"
    "  --raw          plain-text input is already the article body (as extract)\n"
    "  --date DATE    publication date for plain-text input (as extract)\n"
    "  --batch N      articles per transaction (default 500)\n"
    "  --article-text also build the full-text index of article text, in one pass\n"
    "                 after the batches (quote text is always indexed)\n"
    "  --bulk         when DB does not exist yet, build it faster in DB.bulk-partial\n"
    "                 and rename it to DB only when complete: a run that is killed\n"
    "                 or fails leaves no DB and must start again (without --bulk\n"
    "                 every batch is committed and a rerun resumes). Ignored when\n"
    "                 DB exists\n"
    "Exit status: 0 when every input was indexed, 1 when any input or the database\n"
    "failed (the rest is still indexed), 2 on bad usage.\n";

bool LooksLikeJsonl(const std::string& path, const std::string& head) {
  auto ends = [&](const char* s) {
    std::string suffix(s);
    return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends(".jsonl") || ends(".json") || ends(".ndjson")) return true;
  size_t i = head.find_first_not_of(" \t\r\n");
  return i != std::string::npos && head[i] == '{';
}

// Reads the articles in one input and hands each to emit. Problems with
// single records are printed and counted in *failed; the input goes on.
// This is the one place that knows input formats: HTML and WARC readers
// plug in here the way they do in extract.
void ForEachInputArticle(const std::string& path, const ExtractOptions& options,
                         const std::function<void(Article)>& emit, int* failed) {
  std::string data;
  Status s = ReadInputFile(path, kMaxInputBytes, &data);
  if (!s.ok()) {
    std::fprintf(stderr, "whosaid index: %s\n", s.message().c_str());
    ++*failed;
    return;
  }
  if (!LooksLikeJsonl(path, data.substr(0, 64))) {
    StatusOr<Article> article = ExtractPlainText(data, path, options);
    if (!article.ok()) {
      std::fprintf(stderr, "whosaid index: %s\n", article.status().message().c_str());
      ++*failed;
      return;
    }
    emit(std::move(article.value()));
    return;
  }
  size_t line_no = 0;
  for (size_t pos = 0; pos < data.size();) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) nl = data.size();
    std::string_view line(data.data() + pos, nl - pos);
    size_t offset = pos;
    pos = nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (line.size() > kMaxLineBytes) {
      std::fprintf(stderr, "whosaid index: %s:%zu: record too large (%zu bytes)\n", path.c_str(), line_no,
                   line.size());
      ++*failed;
      continue;
    }
    StatusOr<Article> article = ArticleFromJson(line);
    if (!article.ok()) {
      std::fprintf(stderr, "whosaid index: %s:%zu: %s\n", path.c_str(), line_no, article.status().message().c_str());
      ++*failed;
      continue;
    }
    if (article->provenance.file.empty()) {
      article->provenance.file = path;
      article->provenance.offset = static_cast<int64_t>(offset);
      article->provenance.length = static_cast<int64_t>(line.size());
      article->provenance.format = "jsonl";
    }
    emit(std::move(article.value()));
  }
}

}  // namespace

int RunIndex(const std::vector<std::string>& args) {
  ExtractOptions options;
  size_t batch_size = 500;
  bool article_text = false;
  StoreOptions store_options;
  std::vector<std::string> positional;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kIndexHelp, stdout);
      return kExitOk;
    } else if (a == "--article-text") {
      article_text = true;
    } else if (a == "--bulk") {
      store_options.bulk_build = true;
    } else if (a == "--raw") {
      options.raw = true;
    } else if (a == "--date") {
      if (i + 1 >= args.size() || !IsValidDate(args[i + 1])) {
        std::fprintf(stderr, "whosaid index: --date needs a date as YYYY-MM-DD\n");
        return kExitUsage;
      }
      options.date = args[++i];
    } else if (a == "--batch") {
      int n = 0;
      if (i + 1 >= args.size() || !ParseIntFlag(args[i + 1], 1, 100000, &n)) {
        std::fprintf(stderr, "whosaid index: --batch needs a number from 1 to 100000\n");
        return kExitUsage;
      }
      batch_size = static_cast<size_t>(n);
      ++i;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::fprintf(stderr, "whosaid index: unknown option '%s'\n%s", a.c_str(), kIndexHelp);
      return kExitUsage;
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() < 2) {
    std::fputs(kIndexHelp, stderr);
    return kExitUsage;
  }
  StatusOr<std::unique_ptr<Store>> store = Store::Open(positional[0], store_options);
  if (!store.ok()) {
    std::fprintf(stderr, "whosaid index: %s\n", store.status().message().c_str());
    return kExitInputFailed;
  }
  int failed = 0;
  int64_t seen = 0, added = 0;
  bool db_failed = false;
  std::vector<Article> batch;
  auto flush = [&] {
    if (batch.empty() || db_failed) return;
    int64_t n = 0;
    Status s = (*store)->AddArticles(batch, &n);
    added += n;
    if (!s.ok()) {
      std::fprintf(stderr, "whosaid index: %s\n", s.message().c_str());
      ++failed;
      db_failed = s.code() != Status::Code::kInvalidArgument;
    }
    batch.clear();
  };
  for (size_t i = 1; i < positional.size() && !db_failed; ++i) {
    ForEachInputArticle(positional[i], options, [&](Article a) {
      ++seen;
      batch.push_back(std::move(a));
      if (batch.size() >= batch_size) flush();
    }, &failed);
  }
  flush();
  if (article_text && !db_failed) {
    int64_t n = 0;
    Status s = (*store)->IndexArticleText(&n);
    if (!s.ok()) {
      std::fprintf(stderr, "whosaid index: article text: %s\n", s.message().c_str());
      ++failed;
    } else {
      std::fprintf(stderr, "whosaid index: article text of %lld article(s) indexed\n", static_cast<long long>(n));
    }
  }
  if (!db_failed) {
    // Installs a bulk build; a database error above leaves none.
    Status s = (*store)->Finish();
    if (!s.ok()) {
      std::fprintf(stderr, "whosaid index: %s\n", s.message().c_str());
      ++failed;
      db_failed = true;
    }
  }
  StatusOr<StoreStats> stats = (*store)->Stats();
  std::fprintf(stderr, "whosaid index: %lld article(s) read, %lld added, %lld already present",
               static_cast<long long>(seen), static_cast<long long>(added), static_cast<long long>(seen - added));
  if (stats.ok()) {
    std::fprintf(stderr, "; %s holds %lld articles, %lld quotes, %lld people, %lld quote clusters",
                 positional[0].c_str(), static_cast<long long>(stats->articles),
                 static_cast<long long>(stats->quotes), static_cast<long long>(stats->people),
                 static_cast<long long>(stats->clusters));
  }
  std::fputs("\n", stderr);
  if (failed > 0) {
    std::fprintf(stderr, "whosaid index: %d problem(s); see messages above\n", failed);
    return kExitInputFailed;
  }
  return kExitOk;
}

}  // namespace whosaid::cli
