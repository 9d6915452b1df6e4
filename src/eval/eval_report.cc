// PolNeAR evaluation report: aggregation, miss analysis, output, floors.
#include "src/eval/eval_report.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "src/util/json.h"
#include "src/util/utf8.h"

namespace whosaid::internal {
namespace {

constexpr size_t kExampleChars = 160;

// The text of a role's parts, joined by a space, ASCII-lowercased, with
// whitespace collapsed: the key misses are grouped by.
std::string SpanKey(std::u32string_view text, const RangeList& ranges) {
  if (ranges.empty()) return "(no cue)";
  std::string out;
  bool space = false;
  for (size_t i = 0; i < ranges.size(); ++i) {
    if (i > 0) space = true;
    for (int64_t p = ranges[i].start; p < ranges[i].end && p < static_cast<int64_t>(text.size());
         ++p) {
      char32_t c = text[p];
      if (IsSpaceCodePoint(c)) {
        space = true;
        continue;
      }
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      if (c >= U'A' && c <= U'Z') c += U'a' - U'A';
      AppendUtf8(c, &out);
    }
  }
  return out;
}

// Splits a lowercased key into runs of ASCII letters.
std::vector<std::string> Words(std::string_view key) {
  std::vector<std::string> out;
  std::string word;
  for (char c : key) {
    if (c >= 'a' && c <= 'z') {
      word.push_back(c);
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool InList(std::string_view word, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// True when `word` is `lemma` or a regular inflection of it.
bool InflectionOf(std::string_view word, std::string_view lemma) {
  if (word.substr(0, lemma.size()) == lemma) {
    std::string_view rest = word.substr(lemma.size());
    if (InList(rest, {"", "s", "es", "ed", "d", "ing"})) return true;
  }
  if (EndsWith(lemma, "e") && word == std::string(lemma.substr(0, lemma.size() - 1)) + "ing") {
    return true;
  }
  if (EndsWith(lemma, "y")) {
    std::string stem(lemma.substr(0, lemma.size() - 1));
    if (word == stem + "ied" || word == stem + "ies") return true;
  }
  return false;
}

bool IsBeliefWord(std::string_view word) {
  static constexpr std::string_view kLemmas[] = {
      "think",  "believe", "want",       "hope",     "expect",  "feel",   "know",
      "fear",   "worry",   "doubt",      "suspect",  "wish",    "assume", "suppose",
      "wonder", "imagine", "understand", "realize",  "realise", "trust",  "consider",
      "prefer", "intend",  "predict",    "convince", "agree"};
  if (InList(word, {"thought", "felt", "knew", "known", "understood"})) return true;
  for (std::string_view lemma : kLemmas) {
    if (InflectionOf(word, lemma)) return true;
  }
  return false;
}

// A rough test: a verb in the list, an auxiliary, or an -ed/-ing/-s form.
bool LooksLikeVerb(std::string_view word) {
  static constexpr std::string_view kVerbs[] = {
      "say",     "tell",        "think",   "ask",     "add",     "claim",   "argue",    "write",
      "note",    "explain",     "insist",  "warn",    "report",  "state",   "announce", "believe",
      "know",    "feel",        "want",    "hope",    "expect",  "fear",    "suggest",  "describe",
      "call",    "deny",        "admit",   "agree",   "accuse",  "promise", "vow",      "urge",
      "declare", "reply",       "respond", "tweet",   "testify", "contend", "maintain", "recall",
      "show",    "find",        "reveal",  "confirm", "see",     "hear",    "read",     "mean",
      "speak",   "acknowledge", "predict", "charge",  "post",    "indicate"};
  if (IsBeliefWord(word)) return true;
  for (std::string_view verb : kVerbs) {
    if (word == verb) return true;
  }
  if (InList(word, {"said",   "told",  "wrote", "written", "spoke", "spoken", "saw",   "seen",
                    "heard",  "meant", "found", "shown",   "made",  "gave",   "given", "took",
                    "taken",  "is",    "are",   "was",     "were",  "be",     "been",  "has",
                    "have",   "had",   "will",  "would",   "can",   "could",  "may",   "might",
                    "should", "must",  "do",    "does",    "did"})) {
    return true;
  }
  if (word.size() > 4 && EndsWith(word, "ing")) return true;
  if (word.size() > 3 && EndsWith(word, "ed")) return true;
  return word.size() > 3 && EndsWith(word, "s") && !EndsWith(word, "ss") && !EndsWith(word, "us") &&
         !EndsWith(word, "is");
}

int64_t FirstStart(const RangeList& r) { return r.front().start; }
int64_t LastEnd(const RangeList& r) { return r.back().end; }

// `tag` keeps the three groupings apart in *last_article.
void AddToGroup(std::map<std::string, CountedGroup>* groups, char tag, const std::string& key,
                const std::string& article, const std::string& example, int max_examples,
                std::map<std::string, std::string>* last_article) {
  CountedGroup& g = (*groups)[key];
  g.key = key;
  ++g.count;
  // One example per article, so the few shown are not all alike.
  std::string& last = (*last_article)[tag + key];
  if (static_cast<int>(g.examples.size()) < max_examples && last != article) {
    g.examples.push_back(article + ": " + example);
    last = article;
  }
}

std::vector<CountedGroup> MostFrequent(const std::map<std::string, CountedGroup>& groups,
                                       size_t limit) {
  std::vector<CountedGroup> out;
  for (const auto& [key, group] : groups) out.push_back(group);
  std::stable_sort(out.begin(), out.end(),
                   [](const CountedGroup& a, const CountedGroup& b) { return a.count > b.count; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace

std::string_view ClassifyMissConstruction(std::u32string_view text, const EvalAttribution& gold) {
  if (gold.direct) return "direct-quote";
  if (!gold.cue.empty()) {
    std::string cue = SpanKey(text, gold.cue);
    if (cue.find("according") != std::string::npos) return "according-to";
    std::vector<std::string> words = Words(cue);
    if (std::any_of(words.begin(), words.end(), IsBeliefWord)) return "belief";
    if (std::none_of(words.begin(), words.end(), LooksLikeVerb)) return "noun-cue";
  }
  if (gold.source.empty()) return "no-source";
  if (gold.cue.empty()) return "other";
  if (FirstStart(gold.source) >= LastEnd(gold.cue)) return "cue-before-source";
  if (LastEnd(gold.content) <= FirstStart(gold.cue)) return "content-before-cue";
  if (LastEnd(gold.source) <= FirstStart(gold.cue)) return "source-before-cue";
  return "other";
}

std::string RenderAttribution(std::u32string_view text, const EvalAttribution& a,
                              size_t max_chars) {
  int64_t size = static_cast<int64_t>(text.size());
  int64_t start = size;
  int64_t end = 0;
  for (const RangeList* role : {&a.content, &a.cue, &a.source}) {
    if (role->empty()) continue;
    start = std::min(start, FirstStart(*role));
    end = std::max(end, LastEnd(*role));
  }
  start = std::clamp<int64_t>(start, 0, size);
  end = std::clamp<int64_t>(end, start, size);
  auto at_edge = [](const RangeList& r, int64_t p, bool opening) {
    return std::any_of(r.begin(), r.end(),
                       [&](const CodePointRange& x) { return (opening ? x.start : x.end) == p; });
  };
  std::u32string out;
  for (int64_t p = start; p <= end; ++p) {
    if (at_edge(a.cue, p, false)) out.push_back(U'}');
    if (at_edge(a.source, p, false)) out.push_back(U']');
    if (p == end) break;
    if (at_edge(a.source, p, true)) out.push_back(U'[');
    if (at_edge(a.cue, p, true)) out.push_back(U'{');
    char32_t c = text[p];
    if (IsSpaceCodePoint(c)) {
      if (!out.empty() && out.back() != U' ') out.push_back(U' ');
    } else {
      out.push_back(c);
    }
  }
  if (out.size() > max_chars && max_chars >= 3) {
    size_t head = (max_chars - 1) / 2;
    size_t tail = max_chars - 1 - head;
    out = out.substr(0, head) + U"…" + out.substr(out.size() - tail);
  }
  return EncodeRange(out, {0, static_cast<int64_t>(out.size())});
}

void EvalReportBuilder::Add(const EvaluatedArticle& article) {
  const ArticleScore& score = article.score;
  ++report_.articles;
  report_.gold += static_cast<int64_t>(article.gold.size());
  report_.predicted += static_cast<int64_t>(article.predicted.size());
  for (const EvalAttribution& g : article.gold) report_.gold_direct += g.direct ? 1 : 0;
  for (const EvalAttribution& p : article.predicted) report_.predicted_direct += p.direct ? 1 : 0;
  for (int m = 0; m < kMeasureCount; ++m) report_.measures[m].Add(score.measures[m]);
  for (size_t g = 0; g < article.gold.size(); ++g) {
    if (score.gold_match[g] >= 0) continue;
    if (score.gold_overlapped[g]) {
      ++report_.unmatched_gold_overlapped;
      continue;
    }
    ++report_.missed;
    const EvalAttribution& gold = article.gold[g];
    std::string example = RenderAttribution(article.text, gold, kExampleChars);
    AddToGroup(&missed_by_cue_, 'c', SpanKey(article.text, gold.cue), article.name, example,
               examples_per_group_, &last_example_article_);
    AddToGroup(&missed_by_construction_, 'k',
               std::string(ClassifyMissConstruction(article.text, gold)), article.name, example,
               examples_per_group_, &last_example_article_);
  }
  for (size_t p = 0; p < article.predicted.size(); ++p) {
    if (score.predicted_match[p] >= 0) continue;
    if (score.predicted_overlapped[p]) {
      ++report_.unmatched_predicted_overlapped;
      continue;
    }
    ++report_.false_positives;
    const EvalAttribution& predicted = article.predicted[p];
    AddToGroup(&false_positives_by_cue_, 'f', SpanKey(article.text, predicted.cue), article.name,
               RenderAttribution(article.text, predicted, kExampleChars), examples_per_group_,
               &last_example_article_);
  }
}

EvalReport EvalReportBuilder::Build() const {
  EvalReport report = report_;
  size_t top = static_cast<size_t>(std::max(top_n_, 0));
  report.missed_by_cue = MostFrequent(missed_by_cue_, top);
  report.missed_by_construction =
      MostFrequent(missed_by_construction_, missed_by_construction_.size());
  report.false_positives_by_cue = MostFrequent(false_positives_by_cue_, top);
  return report;
}

namespace {

void AppendF(std::string* out, const char* format, auto... args) {
  char buf[512];
  int n = std::snprintf(buf, sizeof buf, format, args...);
  if (n > 0) out->append(buf, std::min<size_t>(static_cast<size_t>(n), sizeof buf - 1));
}

long long LL(int64_t v) { return static_cast<long long>(v); }

void AppendGroups(const std::vector<CountedGroup>& groups, bool examples, std::string* out) {
  for (const CountedGroup& g : groups) {
    AppendF(out, "  %6lld  %s\n", LL(g.count), g.key.c_str());
    if (!examples) continue;
    for (const std::string& e : g.examples) AppendF(out, "            %s\n", e.c_str());
  }
}

}  // namespace

namespace {

void AppendMeasureTable(const MeasureTable& measures, std::string* out) {
  AppendF(out, "%-24s %9s %9s %9s %9s %7s %7s %7s\n", "measure", "pred_ok", "pred", "gold_ok", "gold",
          "P", "R", "F1");
  for (int m = 0; m < kMeasureCount; ++m) {
    const MeasureCounts& c = measures[m];
    AppendF(out, "%-24s %9lld %9lld %9lld %9lld %7.3f %7.3f %7.3f\n",
            MeasureName(static_cast<Measure>(m)), LL(c.predicted_correct), LL(c.predicted),
            LL(c.gold_correct), LL(c.gold), c.Precision(), c.Recall(), c.F1());
  }
}

}  // namespace

std::string EvalReportToText(const EvalReport& r) {
  std::string out;
  AppendF(&out, "PolNeAR evaluation of %s\n", r.corpus_dir.c_str());
  AppendF(&out,
          "articles %lld of %lld texts (skipped: %lld without annotation file, %lld unreadable)\n",
          LL(r.articles), LL(r.texts), LL(r.skipped_without_annotation), LL(r.unreadable_files));
  AppendF(&out,
          "gold attributions %lld (direct %lld), predicted %lld (direct %lld); %lld predicted within "
          "another statement not scored (--embedded scores them)\n",
          LL(r.gold), LL(r.gold_direct), LL(r.predicted), LL(r.predicted_direct), LL(r.embedded_left_out));
  AppendF(&out,
          "annotation problems: %lld malformed line(s), %lld attribution(s) without content "
          "(not scored), %lld unknown role(s), %lld annotation file(s) without text\n",
          LL(r.malformed_lines), LL(r.gold_without_content), LL(r.unknown_roles),
          LL(r.annotations_without_text));
  AppendF(&out,
          "engine problems: %lld extraction failure(s), %lld text mismatch(es), %lld clamped "
          "span(s)\n\n",
          LL(r.extraction_failures), LL(r.text_mismatches), LL(r.clamped_spans));
  AppendMeasureTable(r.measures, &out);
  if (r.agreement_readings > 0) {
    AppendF(&out,
            "\nannotator agreement: %lld reading(s) by other annotators of the %lld text(s) several "
            "people annotated,\nscored against the first annotator as the engine is above\n",
            LL(r.agreement_readings), LL(r.agreement_texts));
    AppendMeasureTable(r.agreement, &out);
  }
  AppendF(&out,
          "\nmissed gold attributions (no overlapping prediction): %lld; "
          "unmatched but overlapped (merged into another match): %lld\n",
          LL(r.missed), LL(r.unmatched_gold_overlapped));
  out += "missed, by gold cue:\n";
  AppendGroups(r.missed_by_cue, false, &out);
  out += "missed, by construction ([source] {cue}):\n";
  AppendGroups(r.missed_by_construction, true, &out);
  AppendF(&out,
          "\nfalse positives (no overlapping gold): %lld; "
          "unmatched but overlapping (split from another match): %lld\n",
          LL(r.false_positives), LL(r.unmatched_predicted_overlapped));
  out += "false positives, by predicted cue:\n";
  AppendGroups(r.false_positives_by_cue, true, &out);
  return out;
}

namespace {

void WriteScores(const MeasureTable& measures, JsonWriter* w) {
  w->BeginObject();
  for (int m = 0; m < kMeasureCount; ++m) {
    const MeasureCounts& c = measures[m];
    w->Key(MeasureName(static_cast<Measure>(m)));
    w->BeginObject();
    w->Key("precision");
    w->Double(c.Precision());
    w->Key("recall");
    w->Double(c.Recall());
    w->Key("f1");
    w->Double(c.F1());
    w->Key("predicted");
    w->Int(c.predicted);
    w->Key("predicted_correct");
    w->Int(c.predicted_correct);
    w->Key("gold");
    w->Int(c.gold);
    w->Key("gold_correct");
    w->Int(c.gold_correct);
    w->EndObject();
  }
  w->EndObject();
}

void WriteGroups(const std::vector<CountedGroup>& groups, JsonWriter* w) {
  w->BeginArray();
  for (const CountedGroup& g : groups) {
    w->BeginObject();
    w->Key("key");
    w->String(g.key);
    w->Key("count");
    w->Int(g.count);
    w->Key("examples");
    w->BeginArray();
    for (const std::string& e : g.examples) w->String(e);
    w->EndArray();
    w->EndObject();
  }
  w->EndArray();
}

}  // namespace

std::string EvalReportToJson(const EvalReport& r) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("corpus");
  w.String("polnear");
  w.Key("dir");
  w.String(r.corpus_dir);
  w.Key("counts");
  w.BeginObject();
  const std::pair<const char*, int64_t> counts[] = {
      {"texts", r.texts},
      {"articles", r.articles},
      {"skipped_without_annotation", r.skipped_without_annotation},
      {"unreadable_files", r.unreadable_files},
      {"annotations_without_text", r.annotations_without_text},
      {"malformed_lines", r.malformed_lines},
      {"gold_without_content", r.gold_without_content},
      {"unknown_roles", r.unknown_roles},
      {"extraction_failures", r.extraction_failures},
      {"text_mismatches", r.text_mismatches},
      {"clamped_spans", r.clamped_spans},
      {"embedded_left_out", r.embedded_left_out},
      {"gold", r.gold},
      {"gold_direct", r.gold_direct},
      {"predicted", r.predicted},
      {"predicted_direct", r.predicted_direct},
  };
  for (const auto& [key, value] : counts) {
    w.Key(key);
    w.Int(value);
  }
  w.EndObject();
  w.Key("scores");
  WriteScores(r.measures, &w);
  if (r.agreement_readings > 0) {
    w.Key("agreement");
    w.BeginObject();
    w.Key("texts");
    w.Int(r.agreement_texts);
    w.Key("readings");
    w.Int(r.agreement_readings);
    w.Key("scores");
    WriteScores(r.agreement, &w);
    w.EndObject();
  }
  w.Key("misses");
  w.BeginObject();
  w.Key("count");
  w.Int(r.missed);
  w.Key("unmatched_overlapped");
  w.Int(r.unmatched_gold_overlapped);
  w.Key("by_cue");
  WriteGroups(r.missed_by_cue, &w);
  w.Key("by_construction");
  WriteGroups(r.missed_by_construction, &w);
  w.EndObject();
  w.Key("false_positives");
  w.BeginObject();
  w.Key("count");
  w.Int(r.false_positives);
  w.Key("unmatched_overlapping");
  w.Int(r.unmatched_predicted_overlapped);
  w.Key("by_cue");
  WriteGroups(r.false_positives_by_cue, &w);
  w.EndObject();
  w.EndObject();
  return out;
}

StatusOr<double> LookupScore(const MeasureTable& measures, std::string_view name) {
  for (int m = 0; m < kMeasureCount; ++m) {
    std::string_view measure = MeasureName(static_cast<Measure>(m));
    if (name.size() <= measure.size() + 1 || name.substr(0, measure.size()) != measure ||
        name[measure.size()] != '_') {
      continue;
    }
    std::string_view stat = name.substr(measure.size() + 1);
    const MeasureCounts& c = measures[m];
    if (stat == "precision") return c.Precision();
    if (stat == "recall") return c.Recall();
    if (stat == "f1") return c.F1();
  }
  return Status::NotFound("unknown score '" + std::string(name) +
                          "' (want <measure>_<precision|recall|f1>, e.g. content_overlap_f1)");
}

StatusOr<std::vector<ScoreFloor>> ParseScoreFloors(std::string_view text, const std::string& path) {
  std::vector<ScoreFloor> floors;
  int line_number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_number;
    std::string where = path + ":" + std::to_string(line_number) + ": ";
    size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    char name[128];
    double value = 0;
    char extra = 0;
    if (std::sscanf(line.c_str(), " %127s %lf %c", name, &value, &extra) != 2) {
      return Status::InvalidArgument(where + "want 'score_name value', got '" + line + "'");
    }
    StatusOr<double> known = LookupScore(MeasureTable{}, name);
    if (!known.ok()) return Status::InvalidArgument(where + known.status().message());
    if (value < 0 || value > 1) return Status::InvalidArgument(where + "floor must be in [0, 1]");
    floors.push_back({name, value, line_number});
  }
  return floors;
}

std::vector<std::string> CheckScoreFloors(const EvalReport& report,
                                          const std::vector<ScoreFloor>& floors) {
  std::vector<std::string> failures;
  for (const ScoreFloor& floor : floors) {
    StatusOr<double> score = LookupScore(report.measures, floor.name);
    if (!score.ok()) {
      failures.push_back(score.status().message());
      continue;
    }
    if (*score < floor.value) {
      char buf[256];
      std::snprintf(buf, sizeof buf, "%s = %.4f is below its floor %.4f", floor.name.c_str(),
                    *score, floor.value);
      failures.push_back(buf);
    }
  }
  return failures;
}

}  // namespace whosaid::internal
