// whosaid: who said what, to whom, when, and who reported it.
// Dispatches to one command per subcommand; see README.md for the commands.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "tools/cli.h"

namespace {

struct Command {
  const char* name;
  int (*run)(const std::vector<std::string>& args);
  const char* help;
};

const Command kCommands[] = {
    {"extract", whosaid::cli::RunExtract,
     "extract [--threads N] [--strict] [--paths-from-stdin] [--raw] [--date YYYY-MM-DD] [--pretty] PATH... | -\n"
     "      Writes one JSON object per input article: metadata, people, quotes."},
    {"eval", whosaid::cli::RunEval, "eval polnear DIR [--json] [--limit N] [--misses N] [--floors FILE]\n      Scores attribution against PolNeAR brat annotations: P/R/F1, misses.\n  whosaid eval extraction DIR [--json] [--pages]\n      Scores HTML body, title and date extraction on a folder of test pages."},
    {"train-cues", whosaid::cli::RunTrainCues,
     "train-cues TRAIN_DIR --out FILE [--epochs N]\n"
     "      Trains the cue model on PolNeAR train and writes its weights (make model)."},
    {"train-spans", whosaid::cli::RunTrainSpans,
     "train-spans TRAIN_DIR --out FILE [--epochs N]\n"
     "      Trains the source/content span tagger on PolNeAR train (make model)."},
    {"train-starts", whosaid::cli::RunTrainStarts,
     "train-starts TRAIN_DIR --out FILE [--epochs N]\n"
     "      Trains the content start model on PolNeAR train (make model)."},
    {"summarize", whosaid::cli::RunSummarize,
     "summarize FILE.jsonl | -\n"
     "      Prints who said what to whom, for people to read."},
    {"index", whosaid::cli::RunIndex,
     "index [--raw] [--date YYYY-MM-DD] [--batch N] DB INPUT...\n"
     "      Adds articles (plain text or whosaid JSONL) to the quote index DB."},
    {"search", whosaid::cli::RunSearch,
     "search DB [QUERY] [--speaker NAME] [--addressee NAME] [--outlet X] [--from DATE]\n"
     "      [--to DATE] [--type direct|indirect|mixed] [--limit N] [--format table|jsonl|csv]\n"
     "      Finds quotes by words, speaker (any alias), addressee, outlet, date, type."},
    {"speakers", whosaid::cli::RunSpeakers,
     "speakers DB [--top N] [--format table|jsonl|csv]\n"
     "      Lists who is quoted most, with counts and titles."},
    {"quote", whosaid::cli::RunQuote,
     "quote DB ID [--format table|jsonl]\n"
     "      Shows a quotation: where it was first seen, and every outlet carrying it."},
    {"check", whosaid::cli::RunCheck,
     "check DB \"claimed quote\" [--speaker NAME] [--limit N] [--format table|jsonl|csv]\n"
     "      Finds the closest stored statements and flags a misattribution."},
    {"serve", whosaid::cli::RunServe,
     "serve DB [--port 8080] [--host 127.0.0.1] [--threads N]\n"
     "      Serves the web reader and JSON API over the index, read-only."},
};

void PrintUsage(FILE* out) {
  std::fprintf(out, "whosaid: who said what, to whom, when, and who reported it.\n\nUsage:\n");
  for (const Command& c : kCommands) std::fprintf(out, "  whosaid %s\n", c.help);
  std::fprintf(out, "\nRun 'whosaid COMMAND --help' for a command's options.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    PrintUsage(argc < 2 ? stderr : stdout);
    return argc < 2 ? whosaid::cli::kExitUsage : whosaid::cli::kExitOk;
  }
  std::vector<std::string> args(argv + 1, argv + argc);
  for (const Command& c : kCommands) {
    if (args[0] == c.name) return c.run(args);
  }
  std::fprintf(stderr, "whosaid: unknown command '%s'\n\n", argv[1]);
  PrintUsage(stderr);
  return whosaid::cli::kExitUsage;
}
