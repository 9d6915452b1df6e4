// HTML workload: pages/s on one core for whosaid's full HTML-to-article
// path and its parser alone, against the packaged HTML5 parsers myhtml
// (libmodest-dev) and gumbo (libgumbo-dev) parsing the same pages, all
// measured side by side in one run. Each run checks its result (extracted
// text, node counts) so a fast wrong answer does not count.
//
// Usage: html_benchmark [DIR] [ROUNDS]
//   DIR defaults to ../shared/corpora/readability/pages (every */source.html).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "src/html/dom.h"
#include "src/warc/warc_writer.h"
#include "whosaid/pipeline.h"
#include "whosaid/reader.h"

#ifdef WHOSAID_HAVE_MYHTML
#include <myhtml/api.h>
#endif
#ifdef WHOSAID_HAVE_GUMBO
#include <gumbo.h>
#endif

namespace {

struct Result {
  const char* name;
  double seconds;
  size_t check;
};

Result Time(const char* name, const std::vector<std::string>& pages, int rounds,
            const std::function<size_t(const std::string&)>& run) {
  size_t check = 0;
  for (const std::string& p : pages) check += run(p);  // Warm-up, and the check value.
  auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < rounds; ++r) {
    for (const std::string& p : pages) run(p);
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return {name, s / rounds, check};
}

}  // namespace

// --make-warc DIR COPIES OUT: writes the pages COPIES times as a WARC.gz,
// one gzip member per response record (the CC-NEWS layout), through the
// project's WARC writer.
int MakeWarc(const std::string& dir, int copies, const std::string& out_path) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.path().filename() == "source.html") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::ofstream out(out_path, std::ios::binary);
  for (int c = 0; c < copies; ++c) {
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      whosaid::internal::WarcRecordSpec spec;
      spec.target_uri = "https://bench.example/" + std::to_string(c) + "/" + f.parent_path().filename().string();
      spec.block = whosaid::internal::MakeHttpResponse(ss.str(), "text/html; charset=utf-8", false, false);
      std::string record;
      whosaid::internal::AppendWarcRecord(spec, /*gzip=*/true, &record);
      out << record;
    }
  }
  std::printf("wrote %zu records to %s\n", files.size() * copies, out_path.c_str());
  return out ? 0 : 1;
}

// --read-warc FILE: reads every record (inflate, WARC and HTTP parsing, no
// extraction) and reports MB/s of file and of payload.
int ReadWarc(const std::string& path) {
  auto start = std::chrono::steady_clock::now();
  auto reader = whosaid::InputReader::Open(path, whosaid::ReaderOptions{});
  if (!reader.ok()) {
    std::fprintf(stderr, "%s\n", reader.status().ToString().c_str());
    return 1;
  }
  whosaid::InputRecord r;
  size_t documents = 0, payload = 0;
  while ((*reader)->Next(&r)) {
    documents += r.kind == whosaid::InputRecord::Kind::kDocument;
    payload += r.data.size();
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double file_mb = std::filesystem::file_size(path) / 1e6;
  std::printf("RESULT whosaid-read documents=%zu file_mb=%.1f payload_mb=%.1f seconds=%.3f\n", documents,
              file_mb, payload / 1e6, s);
  return documents > 0 ? 0 : 1;
}

int main(int argc, char** argv) {
  if (argc >= 5 && std::string(argv[1]) == "--make-warc") return MakeWarc(argv[2], std::atoi(argv[3]), argv[4]);
  if (argc >= 3 && std::string(argv[1]) == "--read-warc") return ReadWarc(argv[2]);
  std::string dir = argc > 1 ? argv[1] : "../shared/corpora/readability/pages";
  int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
  std::vector<std::string> pages;
  size_t bytes = 0;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.path().filename() == "source.html") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    pages.push_back(ss.str());
    bytes += pages.back().size();
  }
  if (pages.empty()) {
    std::fprintf(stderr, "no */source.html under %s\n", dir.c_str());
    return 1;
  }
  std::vector<Result> results;
  // Issue 4's figure: HTML to the clean article (text, metadata, sourcing).
  results.push_back(Time("whosaid extract (parse+content+metadata)", pages, rounds, [](const std::string& p) {
    whosaid::ExtractOptions options;
    options.attribute = false;
    auto a = whosaid::ExtractHtml(p, "bench", options);
    return a.ok() ? a->text.size() : 0;
  }));
  // What `whosaid extract` does per page: the same, then attribution.
  results.push_back(Time("whosaid extract + attribution", pages, rounds, [](const std::string& p) {
    auto a = whosaid::ExtractHtml(p, "bench", whosaid::ExtractOptions{});
    return a.ok() ? a->text.size() + a->quotes.size() : 0;
  }));
  results.push_back(Time("whosaid parse only", pages, rounds, [](const std::string& p) {
    return static_cast<size_t>(whosaid::internal::HtmlDocument::Parse(p).size());
  }));
#ifdef WHOSAID_HAVE_MYHTML
  myhtml_t* myhtml = myhtml_create();
  myhtml_init(myhtml, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0);
  results.push_back(Time("myhtml parse only", pages, rounds, [&](const std::string& p) {
    myhtml_tree_t* tree = myhtml_tree_create();
    myhtml_tree_init(tree, myhtml);
    myhtml_parse(tree, MyENCODING_UTF_8, p.data(), p.size());
    size_t nodes = 0;
    for (myhtml_tree_node_t* n = myhtml_tree_get_document(tree); n != nullptr;) {
      ++nodes;
      if (myhtml_node_child(n)) { n = myhtml_node_child(n); continue; }
      while (n != nullptr && myhtml_node_next(n) == nullptr) n = myhtml_node_parent(n);
      if (n != nullptr) n = myhtml_node_next(n);
    }
    myhtml_tree_destroy(tree);
    return nodes;
  }));
#endif
#ifdef WHOSAID_HAVE_GUMBO
  results.push_back(Time("gumbo parse only", pages, rounds, [](const std::string& p) {
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, p.data(), p.size());
    size_t children = out->root->v.element.children.length;
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    return children;
  }));
#endif
  std::printf("%zu pages, %.1f MB, mean %.0f KB/page, %d rounds, one thread\n", pages.size(), bytes / 1e6,
              bytes / 1e3 / pages.size(), rounds);
  double base = results[0].seconds;
  for (const Result& r : results) {
    if (r.check == 0) {
      std::printf("%-44s FAILED its result check\n", r.name);
      continue;
    }
    std::printf("%-44s %8.0f pages/s %7.1f MB/s   whosaid extract is %.2fx its speed\n", r.name,
                pages.size() / r.seconds, bytes / 1e6 / r.seconds, r.seconds / base);
  }
#ifdef WHOSAID_HAVE_MYHTML
  myhtml_destroy(myhtml);
#endif
  return 0;
}
