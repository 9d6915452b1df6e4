// whosaid eval extraction DIR: scores HTML article extraction on a folder of
// pages laid out as NAME/source.html, NAME/expected.html and optionally
// NAME/expected-metadata.json (title, publishedTime).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "src/html/dom.h"
#include "src/html/extraction_score.h"
#include "src/html/metadata.h"
#include "src/util/json.h"
#include "tools/cli.h"
#include "whosaid/pipeline.h"

namespace whosaid::cli {
namespace {

const char kEvalHelp[] =
    "Usage: whosaid eval extraction DIR [--json] [--pages]\n"
    "Scores HTML extraction on DIR/NAME/{source.html,expected.html,expected-metadata.json}.\n"
    "Body: precision and recall over multisets of 4-word shingles, per page,\n"
    "averaged over pages; F1 from the two averages. Title and date (YYYY-MM-DD):\n"
    "exact-match rates over pages whose metadata has them; titles also\n"
    "ignoring a trailing ' | Site' or ' - Author' segment on either side.\n"
    "  --json    write the summary and per-page scores as one JSON object\n"
    "  --pages   also print one line per page (text mode)\n";

// True when one title is the other plus a trailing site, section or author
// segment ("Headline | eHow", "Headline - John C. Welch - Medium"). The
// expected titles are Readability's, which keep whatever og:title carries;
// whosaid drops such suffixes on purpose, so the exact rate undercounts.
bool SameHeadline(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() > b.size()) std::swap(a, b);
  if (a.empty() || b.substr(0, a.size()) != a) return false;
  std::string_view rest = b.substr(a.size());
  static constexpr std::string_view kSeparators[] = {
      " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " :: ", " \xC2\xBB ", " ["};
  bool separated = false;
  for (std::string_view sep : kSeparators) separated = separated || rest.substr(0, sep.size()) == sep;
  if (!separated) return false;
  int words = 0;
  bool in = false;
  for (char c : rest) {
    bool space = c == ' ';
    if (!space && !in) ++words;
    in = !space;
  }
  return words <= 7;  // The separator counts as one.
}

struct PageResult {
  std::string name;
  double precision = 0, recall = 0;
  int title_known = 0, title_ok = 0, title_headline_ok = 0, date_known = 0, date_ok = 0;
  std::string title, expected_title, date, expected_date, error;
};

PageResult EvaluatePage(const std::filesystem::path& dir, double* extract_seconds) {
  PageResult r;
  r.name = dir.filename().string();
  std::string source, expected_html, metadata;
  constexpr size_t kMax = size_t{64} << 20;
  Status s = ReadInputFile((dir / "source.html").string(), kMax, &source);
  if (s.ok()) s = ReadInputFile((dir / "expected.html").string(), kMax, &expected_html);
  if (!s.ok()) {
    r.error = s.message();
    return r;
  }
  auto start = std::chrono::steady_clock::now();
  StatusOr<Article> article = ExtractHtml(source, r.name, ExtractOptions{});
  *extract_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string got;
  if (article.ok()) got = article->text; else r.error = article.status().message();
  internal::HtmlDocument expected_doc = internal::HtmlDocument::Parse(expected_html);
  std::string expected;
  expected_doc.AppendRawText(internal::HtmlDocument::kRoot, &expected);
  internal::ShingleScore score = internal::ScoreShingles(expected, got);
  r.precision = score.precision;
  r.recall = score.recall;
  if (ReadInputFile((dir / "expected-metadata.json").string(), kMax, &metadata).ok()) {
    StatusOr<internal::JsonValue> meta = internal::ParseJson(metadata);
    if (meta.ok()) {
      r.expected_title = internal::CollapseWhitespace(meta->GetString("title"));
      if (!r.expected_title.empty()) {
        r.title_known = 1;
        if (article.ok() && article->title) r.title = internal::CollapseWhitespace(*article->title);
        r.title_ok = r.title == r.expected_title;
        r.title_headline_ok = SameHeadline(r.title, r.expected_title);
      }
      std::string published = meta->GetString("publishedTime");
      if (auto d = internal::NormalizeDate(published)) {
        r.date_known = 1;
        r.expected_date = *d;
        if (article.ok() && article->date) r.date = *article->date;
        r.date_ok = r.date == r.expected_date;
      }
    }
  }
  return r;
}

}  // namespace

int RunEvalExtraction(const std::vector<std::string>& args) {
  if (args.size() < 2 || args[1] != "extraction") {
    std::fputs(kEvalHelp, args.size() >= 2 && (args[1] == "--help" || args[1] == "-h") ? stdout : stderr);
    return args.size() >= 2 && (args[1] == "--help" || args[1] == "-h") ? kExitOk : kExitUsage;
  }
  bool json = false, pages = false;
  std::string dir;
  for (size_t i = 2; i < args.size(); ++i) {
    if (args[i] == "--json") json = true;
    else if (args[i] == "--pages") pages = true;
    else if (args[i] == "--help" || args[i] == "-h") { std::fputs(kEvalHelp, stdout); return kExitOk; }
    else if (dir.empty() && args[i][0] != '-') dir = args[i];
    else { std::fprintf(stderr, "whosaid eval: unexpected argument '%s'\n%s", args[i].c_str(), kEvalHelp); return kExitUsage; }
  }
  if (dir.empty()) { std::fputs(kEvalHelp, stderr); return kExitUsage; }
  std::error_code ec;
  std::vector<std::filesystem::path> dirs;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "source.html")) dirs.push_back(entry.path());
  }
  if (ec) { std::fprintf(stderr, "whosaid eval: %s: %s\n", dir.c_str(), ec.message().c_str()); return kExitInputFailed; }
  std::sort(dirs.begin(), dirs.end());
  std::vector<PageResult> results;
  double seconds = 0, p = 0, r = 0;
  int title_known = 0, title_ok = 0, title_headline_ok = 0, date_known = 0, date_ok = 0;
  for (const auto& d : dirs) {
    results.push_back(EvaluatePage(d, &seconds));
    const PageResult& x = results.back();
    p += x.precision; r += x.recall;
    title_known += x.title_known; title_ok += x.title_ok;
    title_headline_ok += x.title_headline_ok;
    date_known += x.date_known; date_ok += x.date_ok;
  }
  size_t n = results.size();
  double avg_p = n ? p / n : 0, avg_r = n ? r / n : 0;
  double f1 = internal::F1(avg_p, avg_r);
  double title_rate = title_known ? static_cast<double>(title_ok) / title_known : 0;
  double title_headline_rate = title_known ? static_cast<double>(title_headline_ok) / title_known : 0;
  double date_rate = date_known ? static_cast<double>(date_ok) / date_known : 0;
  if (json) {
    std::string out;
    internal::JsonWriter w(&out);
    w.BeginObject();
    w.Key("pages"); w.Int(static_cast<int64_t>(n));
    w.Key("body_precision"); w.Double(avg_p);
    w.Key("body_recall"); w.Double(avg_r);
    w.Key("body_f1"); w.Double(f1);
    w.Key("title_known"); w.Int(title_known);
    w.Key("title_exact"); w.Double(title_rate);
    w.Key("title_site_suffix_ignored"); w.Double(title_headline_rate);
    w.Key("date_known"); w.Int(date_known);
    w.Key("date_exact"); w.Double(date_rate);
    w.Key("per_page");
    w.BeginArray();
    for (const PageResult& x : results) {
      w.BeginObject();
      w.Key("name"); w.String(x.name);
      w.Key("precision"); w.Double(x.precision);
      w.Key("recall"); w.Double(x.recall);
      if (x.title_known) { w.Key("title_ok"); w.Bool(x.title_ok); w.Key("title"); w.String(x.title); w.Key("expected_title"); w.String(x.expected_title); }
      if (x.date_known) { w.Key("date_ok"); w.Bool(x.date_ok); w.Key("date"); w.String(x.date); w.Key("expected_date"); w.String(x.expected_date); }
      if (!x.error.empty()) { w.Key("error"); w.String(x.error); }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::printf("%s\n", out.c_str());
  } else {
    if (pages) {
      for (const PageResult& x : results) {
        std::printf("%-45s P=%.3f R=%.3f%s%s%s\n", x.name.c_str(), x.precision, x.recall,
                    x.title_known && !x.title_ok ? (x.title_headline_ok ? " title-suffix" : " title-miss") : "",
                    x.date_known && !x.date_ok ? " date-miss" : "",
                    x.error.empty() ? "" : (" error: " + x.error).c_str());
      }
    }
    std::printf("pages %zu\nbody  precision %.4f  recall %.4f  F1 %.4f\n", n, avg_p, avg_r, f1);
    std::printf("title %d/%d = %.3f exact, %d/%d = %.3f ignoring a site/author suffix\n", title_ok,
                title_known, title_rate, title_headline_ok, title_known, title_headline_rate);
    std::printf("date  %d/%d = %.3f\n", date_ok, date_known, date_rate);
    std::fprintf(stderr, "extraction time %.3f s (%.0f pages/s, excluding file reads and scoring)\n", seconds,
                 seconds > 0 ? n / seconds : 0);
  }
  return kExitOk;
}

}  // namespace whosaid::cli
