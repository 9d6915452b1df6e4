// whosaid summarize: reads whosaid JSONL and prints, for people, who said
// what to whom. The readable end of `make demo`.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "tools/cli.h"
#include "whosaid/article_json.h"

namespace whosaid::cli {
namespace {

constexpr size_t kMaxShown = 110;  // Characters of a statement shown.

std::string Shorten(const std::string& s) {
  if (s.size() <= kMaxShown) return s;
  size_t cut = kMaxShown;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // Whole characters.
  return s.substr(0, cut) + "...";
}

void Summarize(const Article& a) {
  std::printf("\n%s\n", a.title ? a.title->c_str() : a.id.c_str());
  std::string line;
  if (a.date) line += *a.date;
  if (a.publisher) line += (line.empty() ? "" : ", ") + *a.publisher;
  for (size_t i = 0; i < a.cites.size(); ++i) line += (i == 0 ? ", citing " : " and ") + a.cites[i];
  if (!line.empty()) std::printf("  %s\n", line.c_str());
  for (const Quote& q : a.quotes) {
    std::string who = q.speaker ? *q.speaker : (q.source ? q.source->text : "(unknown)");
    std::string cue = q.cue ? q.cue->text : "continued";
    std::string to = q.addressee ? " (to " + *q.addressee + ")" : "";
    std::string when = q.date ? " [" + *q.date + "]" : "";
    std::printf("  - %s %s%s%s (%s): %s\n", who.c_str(), cue.c_str(), to.c_str(), when.c_str(),
                QuoteTypeName(q.type), Shorten(q.content.text).c_str());
  }
}

}  // namespace

int RunSummarize(const std::vector<std::string>& args) {
  if (args.size() != 2 || args[1] == "--help") {
    std::fputs("Usage: whosaid summarize FILE.jsonl | -\nPrints who said what to whom for each article.\n",
               args.size() == 2 ? stdout : stderr);
    return args.size() == 2 ? kExitOk : kExitUsage;
  }
  std::ifstream file;
  if (args[1] != "-") {
    file.open(args[1]);
    if (!file) {
      std::fprintf(stderr, "whosaid summarize: %s: cannot open\n", args[1].c_str());
      return kExitInputFailed;
    }
  }
  std::istream& in = args[1] == "-" ? std::cin : file;
  std::string line;
  int line_no = 0, failed = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    StatusOr<Article> a = ArticleFromJson(line);
    if (!a.ok()) {
      std::fprintf(stderr, "whosaid summarize: %s:%d: %s\n", args[1].c_str(), line_no, a.status().message().c_str());
      ++failed;
      continue;
    }
    Summarize(*a);
  }
  return failed > 0 ? kExitInputFailed : kExitOk;
}

}  // namespace whosaid::cli
