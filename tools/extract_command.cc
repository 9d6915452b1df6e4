// whosaid extract: articles in, one JSON object per article out.
#include <cstdio>
#include <string>
#include <vector>

#include "tools/cli.h"
#include "whosaid/pipeline.h"

namespace whosaid::cli {
namespace {

constexpr size_t kMaxInputBytes = size_t{256} << 20;

const char kExtractHelp[] =
    "Usage: whosaid extract [--raw] [--date YYYY-MM-DD] [--pretty] FILE... | -\n"
    "Reads plain-text news articles and writes one JSON object per article\n"
    "(JSON Lines) to stdout, in input order.\n"
    "  --raw          the input is already the article body: text equals it exactly\n"
    "  --date DATE    publication date, overriding what the text says; resolves\n"
    "                 relative dates such as 'on Friday'\n"
    "  --pretty       indent the JSON for reading\n"
    "Exit status: 0 when every input was processed, 1 when any failed, 2 on bad usage.\n";

}  // namespace

int RunExtract(const std::vector<std::string>& args) {
  ExtractOptions options;
  bool pretty = false;
  std::vector<std::string> inputs;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kExtractHelp, stdout);
      return kExitOk;
    } else if (a == "--raw") {
      options.raw = true;
    } else if (a == "--pretty") {
      pretty = true;
    } else if (a == "--date") {
      if (i + 1 >= args.size() || !IsValidDate(args[i + 1])) {
        std::fprintf(stderr, "whosaid extract: --date needs a date as YYYY-MM-DD\n");
        return kExitUsage;
      }
      options.date = args[++i];
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::fprintf(stderr, "whosaid extract: unknown option '%s'\n%s", a.c_str(), kExtractHelp);
      return kExitUsage;
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) {
    std::fputs(kExtractHelp, stderr);
    return kExitUsage;
  }
  int failed = 0;
  std::string data;
  for (const std::string& path : inputs) {
    Status s = ReadInputFile(path, kMaxInputBytes, &data);
    if (!s.ok()) {
      std::fprintf(stderr, "whosaid extract: %s\n", s.message().c_str());
      ++failed;
      continue;
    }
    StatusOr<Article> article = LooksLikeHtml(data) ? ExtractHtml(data, path, options)
                                                    : ExtractPlainText(data, path, options);
    if (!article.ok()) {
      std::fprintf(stderr, "whosaid extract: %s\n", article.status().message().c_str());
      ++failed;
      continue;
    }
    for (const std::string& w : article->warnings) {
      std::fprintf(stderr, "whosaid extract: %s: warning: %s\n", path.c_str(), w.c_str());
    }
    std::string line = ArticleToJson(*article, pretty);
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  std::fflush(stdout);
  if (failed > 0) {
    std::fprintf(stderr, "whosaid extract: %d of %zu input(s) failed\n", failed, inputs.size());
    return kExitInputFailed;
  }
  return kExitOk;
}

}  // namespace whosaid::cli
