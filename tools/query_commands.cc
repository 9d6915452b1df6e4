// whosaid search, speakers, quote and check: read-only questions to the
// quote index, printed as a table, JSON Lines or CSV.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "src/util/json.h"
#include "src/util/utf8.h"
#include "src/store/quote_hit_json.h"
#include "tools/cli.h"
#include "tools/flag_parse.h"
#include "whosaid/pipeline.h"
#include "whosaid/store.h"

namespace whosaid::cli {
namespace {

const char kSearchHelp[] =
    "Usage: whosaid search DB [QUERY] [--speaker NAME] [--addressee NAME] [--outlet X]\n"
    "       [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--type direct|indirect|mixed]\n"
    "       [--limit N] [--offset N] [--format table|jsonl|csv]\n"
    "Finds quotes. QUERY words must all occur in the quote (any order); wrap it in\n"
    "double quotes for a phrase. Names match any alias: --speaker Rutte finds Mark\n"
    "Rutte. Results rank by relevance with QUERY, else newest first. Default limit 20.\n"
    "Exit status: 0 on success (even with no results), 1 when DB cannot be read, 2 on\n"
    "bad usage.\n";
const char kSpeakersHelp[] =
    "Usage: whosaid speakers DB [--top N] [--format table|jsonl|csv]\n"
    "Lists the people quoted most in DB, with quote counts and titles. Default top 20.\n";
const char kQuoteHelp[] =
    "Usage: whosaid quote DB ID [--format table|jsonl]\n"
    "Shows the quotation that quote ID belongs to: its fullest text, the speaker,\n"
    "where and when it was first seen, and every article carrying it, by date.\n"
    "Exit status: 1 when there is no quote ID.\n";
const char kCheckHelp[] =
    "Usage: whosaid check DB \"claimed quote\" [--speaker NAME] [--limit N]\n"
    "       [--format table|jsonl|csv]\n"
    "Did NAME really say this? Lists the stored statements closest to the claim\n"
    "(tolerant of paraphrase, truncation and small wording changes), each with its\n"
    "speaker, first-seen outlet and date, and article. With --speaker, reports a\n"
    "possible misattribution when the best match is someone else's. Default limit 5.\n";

enum class Format { kTable, kJsonl, kCsv };

// Flags shared by the query commands; each command accepts a subset.
struct Flags {
  std::vector<std::string> positional;
  QuoteQuery query;
  Format format = Format::kTable;
  int limit = -1;
  bool help = false;
};

// Returns "" on success, else the usage error.
std::string ParseFlags(const std::vector<std::string>& args, const std::set<std::string>& allowed, Flags* f) {
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      f->help = true;
      return "";
    }
    if (a.size() < 2 || a.compare(0, 2, "--") != 0) {
      f->positional.push_back(a);
      continue;
    }
    if (!allowed.count(a)) return "unknown option '" + a + "'";
    if (i + 1 >= args.size()) return a + " needs a value";
    const std::string& v = args[++i];
    if (a == "--speaker") {
      f->query.speaker = v;
    } else if (a == "--addressee") {
      f->query.addressee = v;
    } else if (a == "--outlet") {
      f->query.outlet = v;
    } else if (a == "--from" || a == "--to") {
      if (!IsValidDate(v)) return a + " needs a date as YYYY-MM-DD, not '" + v + "'";
      (a == "--from" ? f->query.from : f->query.to) = v;
    } else if (a == "--type") {
      if (v == "direct") f->query.type = QuoteType::kDirect;
      else if (v == "indirect") f->query.type = QuoteType::kIndirect;
      else if (v == "mixed") f->query.type = QuoteType::kMixed;
      else return "--type must be direct, indirect or mixed";
    } else if (a == "--limit" || a == "--top") {
      if (!ParseIntFlag(v, 1, 10000, &f->limit)) return a + " needs a number from 1 to 10000";
    } else if (a == "--offset") {
      if (!ParseIntFlag(v, 0, 1000000000, &f->query.offset)) return "--offset needs a non-negative number";
    } else if (a == "--format") {
      if (v == "table") f->format = Format::kTable;
      else if (v == "jsonl") f->format = Format::kJsonl;
      else if (v == "csv" && allowed.count("--csv-ok")) f->format = Format::kCsv;
      else return "--format must be one of table, jsonl" + std::string(allowed.count("--csv-ok") ? ", csv" : "");
    }
  }
  return "";
}

// Parses flags and opens the database read-only. Returns an exit code when
// the command should stop, or -1 to go on.
int Setup(const char* name, const char* help, const std::vector<std::string>& args,
          const std::set<std::string>& allowed, size_t min_positional, size_t max_positional, Flags* flags,
          std::unique_ptr<Store>* store) {
  std::string error = ParseFlags(args, allowed, flags);
  if (flags->help) {
    std::fputs(help, stdout);
    return kExitOk;
  }
  if (error.empty() && (flags->positional.size() < min_positional || flags->positional.size() > max_positional)) {
    error = flags->positional.empty() ? "missing DB" : "wrong number of arguments";
  }
  if (!error.empty()) {
    std::fprintf(stderr, "whosaid %s: %s\n%s", name, error.c_str(), help);
    return kExitUsage;
  }
  StoreOptions options;
  options.read_only = true;
  StatusOr<std::unique_ptr<Store>> opened = Store::Open(flags->positional[0], options);
  if (!opened.ok()) {
    std::fprintf(stderr, "whosaid %s: %s\n", name, opened.status().message().c_str());
    return kExitInputFailed;
  }
  *store = std::move(opened.value());
  return -1;
}

// Shortens s to at most n code points, on a code-point boundary, with "...".
std::string Clip(const std::string& s, int64_t n) {
  std::string flat = s;
  for (char& c : flat) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  internal::CodePointIndex index(flat);
  if (index.size() <= n) return flat;
  return flat.substr(0, index.ToByte(n - 3)) + "...";
}

std::string Pad(const std::string& s, int64_t width) {
  int64_t len = internal::CountCodePoints(s);
  return len >= width ? s : s + std::string(width - len, ' ');
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

void PrintCsvRow(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line.push_back(',');
    line += CsvField(fields[i]);
  }
  std::printf("%s\n", line.c_str());
}


void PrintHits(const std::vector<QuoteHit>& hits, Format format, bool with_score) {
  if (format == Format::kJsonl) {
    for (const QuoteHit& h : hits) {
      std::string line;
      internal::JsonWriter w(&line);
      internal::WriteQuoteHitJson(h, &w);
      std::printf("%s\n", line.c_str());
    }
    return;
  }
  if (format == Format::kCsv) {
    PrintCsvRow({"id", "date", "speaker", "type", "addressee", "outlet", "text", "article_title", "article_url",
                 "first_seen_date", "first_seen_outlet", "occurrences", "score"});
    for (const QuoteHit& h : hits) {
      char score[32];
      std::snprintf(score, sizeof score, "%.3f", h.score);
      PrintCsvRow({std::to_string(h.id), h.date, h.speaker, QuoteTypeName(h.type), h.addressee, h.outlet, h.text,
                   h.article_title, h.article_url, h.first_seen_date, h.first_seen_outlet,
                   std::to_string(h.occurrences), score});
    }
    return;
  }
  if (hits.empty()) {
    std::printf("No quotes found.\n");
    return;
  }
  std::printf("%s%-8s %-10s %-22s %-16s %s\n", with_score ? "score " : "", "id", "date", "speaker", "outlet",
              "quote");
  for (const QuoteHit& h : hits) {
    std::string text = Clip(h.text, 70);
    if (h.occurrences > 1) text += " [x" + std::to_string(h.occurrences) + "]";
    if (with_score) std::printf("%.2f  ", h.score);
    std::printf("%-8lld %-10s %s %s %s\n", static_cast<long long>(h.id), h.date.c_str(),
                Pad(Clip(h.speaker.empty() ? "?" : h.speaker, 22), 22).c_str(),
                Pad(Clip(h.outlet, 16), 16).c_str(), text.c_str());
  }
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const std::string& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

}  // namespace

int RunSearch(const std::vector<std::string>& args) {
  Flags flags;
  std::unique_ptr<Store> store;
  int rc = Setup("search", kSearchHelp, args,
                 {"--speaker", "--addressee", "--outlet", "--from", "--to", "--type", "--limit", "--offset",
                  "--format", "--csv-ok"},
                 1, 1000, &flags, &store);
  if (rc >= 0) return rc;
  std::vector<std::string> words(flags.positional.begin() + 1, flags.positional.end());
  flags.query.text = Join(words, " ");
  if (flags.limit > 0) flags.query.limit = flags.limit;
  StatusOr<std::vector<QuoteHit>> hits = store->SearchQuotes(flags.query);
  if (!hits.ok()) {
    std::fprintf(stderr, "whosaid search: %s\n", hits.status().message().c_str());
    return hits.status().code() == Status::Code::kInvalidArgument ? kExitUsage : kExitInputFailed;
  }
  PrintHits(*hits, flags.format, false);
  return kExitOk;
}

int RunSpeakers(const std::vector<std::string>& args) {
  Flags flags;
  std::unique_ptr<Store> store;
  int rc = Setup("speakers", kSpeakersHelp, args, {"--top", "--format", "--csv-ok"}, 1, 1, &flags, &store);
  if (rc >= 0) return rc;
  StatusOr<std::vector<PersonRecord>> people = store->TopSpeakers(flags.limit > 0 ? flags.limit : 20);
  if (!people.ok()) {
    std::fprintf(stderr, "whosaid speakers: %s\n", people.status().message().c_str());
    return kExitInputFailed;
  }
  if (flags.format == Format::kJsonl) {
    for (const PersonRecord& p : *people) {
      std::string line;
      internal::JsonWriter w(&line);
      w.BeginObject();
      w.Key("id"); w.Int(p.id);
      w.Key("name"); w.String(p.name);
      w.Key("kind"); w.String(p.is_organization ? "organization" : "person");
      w.Key("quotes"); w.Int(p.quote_count);
      w.Key("titles"); w.BeginArray(); for (const auto& t : p.titles) w.String(t); w.EndArray();
      w.Key("aliases"); w.BeginArray(); for (const auto& a : p.aliases) w.String(a); w.EndArray();
      w.EndObject();
      std::printf("%s\n", line.c_str());
    }
  } else if (flags.format == Format::kCsv) {
    PrintCsvRow({"id", "name", "quotes", "titles", "aliases"});
    for (const PersonRecord& p : *people) {
      PrintCsvRow({std::to_string(p.id), p.name, std::to_string(p.quote_count), Join(p.titles, "; "),
                   Join(p.aliases, "; ")});
    }
  } else if (people->empty()) {
    std::printf("No speakers yet.\n");
  } else {
    std::printf("%-5s %-7s %-28s %s\n", "rank", "quotes", "speaker", "titles");
    for (size_t i = 0; i < people->size(); ++i) {
      const PersonRecord& p = (*people)[i];
      std::printf("%-5zu %-7lld %s %s\n", i + 1, static_cast<long long>(p.quote_count),
                  Pad(Clip(p.name, 28), 28).c_str(), Clip(Join(p.titles, "; "), 60).c_str());
    }
  }
  return kExitOk;
}

int RunQuote(const std::vector<std::string>& args) {
  Flags flags;
  std::unique_ptr<Store> store;
  int rc = Setup("quote", kQuoteHelp, args, {"--format"}, 2, 2, &flags, &store);
  if (rc >= 0) return rc;
  int id = 0;
  if (!ParseIntFlag(flags.positional[1], 1, 2147483647, &id)) {
    std::fprintf(stderr, "whosaid quote: ID must be a quote id (a positive number), not '%s'\n",
                 flags.positional[1].c_str());
    return kExitUsage;
  }
  StatusOr<QuoteCluster> cluster = store->GetQuoteCluster(id);
  if (!cluster.ok()) {
    std::fprintf(stderr, "whosaid quote: %s\n", cluster.status().message().c_str());
    return kExitInputFailed;
  }
  if (flags.format == Format::kJsonl) {
    std::string line;
    internal::JsonWriter w(&line);
    w.BeginObject();
    w.Key("cluster_id"); w.Int(cluster->id);
    w.Key("text"); w.String(cluster->text);
    w.Key("speaker"); w.String(cluster->speaker);
    w.Key("first_date"); w.String(cluster->first_date);
    w.Key("first_outlet"); w.String(cluster->first_outlet);
    w.Key("occurrences"); w.Int(cluster->occurrences);
    w.Key("outlets"); w.BeginArray(); for (const auto& o : cluster->outlets) w.String(o); w.EndArray();
    w.Key("members"); w.BeginArray(); for (const auto& m : cluster->members) internal::WriteQuoteHitJson(m, &w); w.EndArray();
    w.EndObject();
    std::printf("%s\n", line.c_str());
    return kExitOk;
  }
  std::printf("Quote %d (cluster %lld): %s\n", id, static_cast<long long>(cluster->id), cluster->text.c_str());
  std::printf("Speaker:     %s\n", cluster->speaker.empty() ? "unknown" : cluster->speaker.c_str());
  std::printf("First seen:  %s, %s\n", cluster->first_date.empty() ? "date unknown" : cluster->first_date.c_str(),
              cluster->first_outlet.empty() ? "outlet unknown" : cluster->first_outlet.c_str());
  std::printf("Occurrences: %lld in %zu outlet(s): %s\n", static_cast<long long>(cluster->occurrences),
              cluster->outlets.size(), Join(cluster->outlets, ", ").c_str());
  for (const QuoteHit& m : cluster->members) {
    std::printf("  %-10s %s %s %s\n", m.article_date.empty() ? "?" : m.article_date.c_str(),
                Pad(Clip(m.outlet.empty() ? "?" : m.outlet, 18), 18).c_str(),
                Pad(Clip(m.article_title, 40), 40).c_str(), m.article_url.c_str());
  }
  return kExitOk;
}

int RunCheck(const std::vector<std::string>& args) {
  Flags flags;
  std::unique_ptr<Store> store;
  int rc = Setup("check", kCheckHelp, args, {"--speaker", "--limit", "--format", "--csv-ok"}, 2, 2, &flags, &store);
  if (rc >= 0) return rc;
  StatusOr<ClaimCheck> check =
      store->CheckAttribution(flags.positional[1], flags.query.speaker, flags.limit > 0 ? flags.limit : 5);
  if (!check.ok()) {
    std::fprintf(stderr, "whosaid check: %s\n", check.status().message().c_str());
    return check.status().code() == Status::Code::kInvalidArgument ? kExitUsage : kExitInputFailed;
  }
  bool close = !check->matches.empty() && check->matches[0].score >= kClaimMatchThreshold;
  std::string verdict;
  if (!close) {
    verdict = "no close match: nothing in the index resembles this claim closely";
  } else if (check->misattributed) {
    verdict = "possible misattribution: the closest statement is by " + check->matched_speaker + ", not " +
              check->claimed_speaker;
  } else if (flags.query.speaker) {
    verdict = "consistent: a close statement is attributed to " + check->claimed_speaker;
  } else {
    verdict = "closest statement is by " + (check->matched_speaker.empty() ? std::string("an unknown speaker")
                                                                           : check->matched_speaker);
  }
  if (flags.format == Format::kJsonl) {
    std::string line;
    internal::JsonWriter w(&line);
    w.BeginObject();
    w.Key("claim"); w.String(flags.positional[1]);
    w.Key("claimed_speaker"); if (flags.query.speaker) w.String(*flags.query.speaker); else w.Null();
    w.Key("misattributed"); w.Bool(check->misattributed);
    w.Key("close_match"); w.Bool(close);
    w.Key("verdict"); w.String(verdict);
    w.Key("matches"); w.BeginArray(); for (const auto& m : check->matches) internal::WriteQuoteHitJson(m, &w); w.EndArray();
    w.EndObject();
    std::printf("%s\n", line.c_str());
    return kExitOk;
  }
  if (flags.format == Format::kCsv) {
    PrintHits(check->matches, Format::kCsv, true);
    return kExitOk;
  }
  std::printf("Verdict: %s\n\n", verdict.c_str());
  PrintHits(check->matches, Format::kTable, true);
  for (const QuoteHit& h : check->matches) {
    std::printf("  #%lld first seen %s in %s; article: %s %s\n", static_cast<long long>(h.id),
                h.first_seen_date.empty() ? "(date unknown)" : h.first_seen_date.c_str(),
                h.first_seen_outlet.empty() ? "(outlet unknown)" : h.first_seen_outlet.c_str(),
                Clip(h.article_title, 50).c_str(), h.article_url.c_str());
  }
  return kExitOk;
}

}  // namespace whosaid::cli
