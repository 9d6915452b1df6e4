// PolNeAR evaluation: brat parsing, span conversion, matching and scoring.
#include "src/eval/polnear.h"

#include <set>

#include <map>

#include <filesystem>

#include <algorithm>
#include <charconv>
#include <tuple>
#include <unordered_map>

#include "src/util/utf8.h"

namespace whosaid::internal {
namespace {

constexpr size_t kMaxProblems = 5;

bool IsOpeningMark(char32_t c) {
  return c == U'"' || c == U'\'' || c == U'“' || c == U'‘' || c == U'«' || c == U'„' || c == U'‹';
}

bool IsClosingMark(char32_t c) {
  return c == U'"' || c == U'\'' || c == U'”' || c == U'’' || c == U'»' || c == U'›';
}

bool IsEdgePunctuation(char32_t c) {
  return c == U'.' || c == U',' || c == U';' || c == U':' || c == U'!' || c == U'?' || c == U'…' ||
         c == U'—' || c == U'–' || c == U'-' || c == U'‐' || c == U'‑';
}

bool IsTrimmable(char32_t c) {
  return IsSpaceCodePoint(c) || IsOpeningMark(c) || IsClosingMark(c) || IsEdgePunctuation(c);
}

// Sorts parts, drops empty ones and merges overlapping ones, so that no code
// point is counted twice.
void Normalize(RangeList* ranges) {
  std::erase_if(*ranges, [](const CodePointRange& r) { return r.end <= r.start; });
  std::sort(ranges->begin(), ranges->end(), [](const CodePointRange& a, const CodePointRange& b) {
    return std::tie(a.start, a.end) < std::tie(b.start, b.end);
  });
  RangeList merged;
  for (const CodePointRange& r : *ranges) {
    if (!merged.empty() && r.start < merged.back().end) {
      merged.back().end = std::max(merged.back().end, r.end);
    } else {
      merged.push_back(r);
    }
  }
  *ranges = std::move(merged);
}

// Counts non-space code points in any range of one text in O(1).
class NonSpaceCounter {
 public:
  explicit NonSpaceCounter(std::u32string_view text) : prefix_(text.size() + 1, 0) {
    for (size_t i = 0; i < text.size(); ++i) {
      prefix_[i + 1] = prefix_[i] + (IsSpaceCodePoint(text[i]) ? 0 : 1);
    }
  }
  int64_t Count(int64_t start, int64_t end) const {
    return end > start ? prefix_[end] - prefix_[start] : 0;
  }
  int64_t Overlap(const RangeList& a, const RangeList& b) const {
    int64_t n = 0;
    for (const CodePointRange& x : a) {
      for (const CodePointRange& y : b)
        n += Count(std::max(x.start, y.start), std::min(x.end, y.end));
    }
    return n;
  }

 private:
  std::vector<int64_t> prefix_;
};

bool ParseInt(std::string_view s, int64_t* out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

// Parses "START END[;START END...]" into *ranges; false when malformed or
// outside [0, text_length].
bool ParseOffsets(std::string_view s, int64_t text_length, RangeList* ranges) {
  while (true) {
    size_t semi = s.find(';');
    std::string_view piece = s.substr(0, semi);
    size_t space = piece.find(' ');
    if (space == std::string_view::npos) return false;
    CodePointRange r;
    if (!ParseInt(piece.substr(0, space), &r.start) || !ParseInt(piece.substr(space + 1), &r.end)) {
      return false;
    }
    if (r.start < 0 || r.end < r.start || r.end > text_length) return false;
    ranges->push_back(r);
    if (semi == std::string_view::npos) return true;
    s.remove_prefix(semi + 1);
  }
}

// True for a brat id: one prefix letter (or '#', '*'), digits, then a tab.
bool HasBratId(std::string_view line, char prefix) {
  if (line.empty() || line[0] != prefix) return false;
  size_t i = 1;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
  return i < line.size() && line[i] == '\t' && (i > 1 || prefix == '*');
}

std::vector<std::string_view> SplitSpaces(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Strips trailing digits: "Content2" -> "Content".
std::string_view RoleBase(std::string_view role) {
  while (!role.empty() && role.back() >= '0' && role.back() <= '9') role.remove_suffix(1);
  return role;
}

struct PendingEvent {
  int line = 0;
  std::string id;
  std::string_view args;
};

class BratParser {
 public:
  BratParser(std::u32string_view text, BratAnnotations* out)
      : text_length_(static_cast<int64_t>(text.size())), out_(out) {}

  void ParseLine(std::string_view line, int line_number) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) return;
    if (HasBratId(line, 'T')) return ParseTextBound(line, line_number);
    if (HasBratId(line, 'E')) {
      size_t tab = line.find('\t');
      events_.push_back({line_number, std::string(line.substr(0, tab)), line.substr(tab + 1)});
      return;
    }
    // Notes, attributes, relations, normalisations: valid brat, not used.
    for (char prefix : {'#', 'A', 'R', 'N', 'M', '*'}) {
      if (HasBratId(line, prefix)) return;
    }
    Malformed(line_number, "not a brat annotation line");
  }

  // Resolves the E lines once every T line is known.
  void Finish() {
    for (const PendingEvent& e : events_) ResolveEvent(e);
  }

 private:
  void ParseTextBound(std::string_view line, int line_number) {
    size_t tab = line.find('\t');
    std::string id(line.substr(0, tab));
    std::string_view rest = line.substr(tab + 1);
    rest = rest.substr(0, rest.find('\t'));  // Drop the surface text.
    size_t space = rest.find(' ');
    RangeList ranges;
    if (space == std::string_view::npos ||
        !ParseOffsets(rest.substr(space + 1), text_length_, &ranges)) {
      return Malformed(line_number, "bad offsets in " + id);
    }
    Normalize(&ranges);
    spans_[id] = std::move(ranges);
  }

  void ResolveEvent(const PendingEvent& e) {
    EvalAttribution a;
    a.id = e.id;
    int64_t unknown = 0;
    for (std::string_view arg : SplitSpaces(e.args)) {
      size_t colon = arg.find(':');
      if (colon == std::string_view::npos) return Malformed(e.line, "bad argument in " + e.id);
      std::string_view role = RoleBase(arg.substr(0, colon));
      auto it = spans_.find(std::string(arg.substr(colon + 1)));
      if (it == spans_.end()) {
        return Malformed(e.line, e.id + " names a missing " + std::string(arg.substr(colon + 1)));
      }
      RangeList* target = nullptr;
      if (role == "Content") {
        target = &a.content;
      } else if (role == "Cue") {
        target = &a.cue;
      } else if (role == "Source") {
        target = &a.source;
      } else if (role != "Attribution" && role != "Attribution-no-source") {
        ++unknown;
      }
      if (target != nullptr) target->insert(target->end(), it->second.begin(), it->second.end());
    }
    out_->unknown_roles += unknown;
    Normalize(&a.content);
    Normalize(&a.cue);
    Normalize(&a.source);
    if (a.content.empty()) {
      ++out_->without_content;
      return;
    }
    out_->attributions.push_back(std::move(a));
  }

  void Malformed(int line_number, const std::string& why) {
    ++out_->malformed_lines;
    if (out_->problems.size() < kMaxProblems) {
      out_->problems.push_back("line " + std::to_string(line_number) + ": " + why);
    }
  }

  int64_t text_length_;
  BratAnnotations* out_;
  std::vector<PendingEvent> events_;
  std::unordered_map<std::string, RangeList> spans_;
};

}  // namespace

bool IsSpaceCodePoint(char32_t c) {
  return c == U' ' || (c >= U'\t' && c <= U'\r') || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

std::u32string DecodeCodePoints(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  size_t pos = 0;
  while (pos < utf8.size()) {
    char32_t cp = 0;
    int n = DecodeUtf8(utf8, pos, &cp);
    if (n <= 0) {
      out.push_back(0xFFFD);
      ++pos;
    } else {
      out.push_back(cp);
      pos += static_cast<size_t>(n);
    }
  }
  return out;
}

std::string EncodeRange(std::u32string_view text, CodePointRange range) {
  int64_t size = static_cast<int64_t>(text.size());
  int64_t start = std::clamp<int64_t>(range.start, 0, size);
  int64_t end = std::clamp<int64_t>(range.end, start, size);
  std::string out;
  for (int64_t i = start; i < end; ++i) AppendUtf8(text[i], &out);
  return out;
}

BratAnnotations ParseBratAttributions(std::string_view ann, std::u32string_view text) {
  BratAnnotations out;
  BratParser parser(text, &out);
  int line_number = 0;
  size_t pos = 0;
  while (pos < ann.size()) {
    size_t nl = ann.find('\n', pos);
    if (nl == std::string_view::npos) nl = ann.size();
    parser.ParseLine(ann.substr(pos, nl - pos), ++line_number);
    pos = nl + 1;
  }
  parser.Finish();
  for (EvalAttribution& a : out.attributions) a.direct = IsDirectContent(text, a.content);
  return out;
}

bool IsDirectContent(std::u32string_view text, const RangeList& content) {
  if (content.empty()) return false;
  int64_t first = content.front().start;
  int64_t last = content.back().end - 1;
  while (first < content.front().end && IsSpaceCodePoint(text[first])) ++first;
  while (last >= content.back().start && IsSpaceCodePoint(text[last])) --last;
  if (first >= content.front().end || last < content.back().start) return false;
  if (!IsOpeningMark(text[first])) return false;
  // Allow punctuation after the closing mark: “It works”.
  int64_t close = last;
  while (close > first && IsEdgePunctuation(text[close]) && !IsClosingMark(text[close])) --close;
  return close > first && IsClosingMark(text[close]);
}

std::vector<EvalAttribution> PredictedAttributions(const Article& article, int64_t text_length,
                                                   bool embedded, int64_t* left_out, int64_t* clamped) {
  int64_t n_clamped = 0;
  auto to_range = [&](const Span& span) {
    CodePointRange r;
    r.start = std::clamp<int64_t>(span.start, 0, text_length);
    r.end = std::clamp<int64_t>(span.end, r.start, text_length);
    if (r.start != span.start || r.end != span.end) ++n_clamped;
    return r;
  };
  std::vector<EvalAttribution> out;
  out.reserve(article.quotes.size());
  for (size_t i = 0; i < article.quotes.size(); ++i) {
    const Quote& q = article.quotes[i];
    if (q.within && !embedded) {
      if (left_out != nullptr) ++*left_out;
      continue;
    }
    EvalAttribution a;
    a.id = std::to_string(i);
    a.id.insert(0, 1, 'q');  // Not "q" + ...: GCC 12 -Wrestrict false positive.
    if (q.parts.empty()) {
      a.content.push_back(to_range(q.content));
    } else {
      for (const Span& part : q.parts) a.content.push_back(to_range(part));
    }
    if (q.cue) a.cue.push_back(to_range(*q.cue));
    if (q.source) a.source.push_back(to_range(*q.source));
    Normalize(&a.content);
    Normalize(&a.cue);
    Normalize(&a.source);
    a.direct = q.type == QuoteType::kDirect;
    out.push_back(std::move(a));
  }
  if (clamped != nullptr) *clamped += n_clamped;
  return out;
}

int64_t NonSpaceOverlap(std::u32string_view text, const RangeList& a, const RangeList& b) {
  return NonSpaceCounter(text).Overlap(a, b);
}

namespace {

// The non-space positions a content covers once each part is trimmed.
std::vector<int64_t> TrimmedPositions(std::u32string_view text, const RangeList& content) {
  std::vector<int64_t> out;
  for (CodePointRange r : content) {
    while (r.start < r.end && IsTrimmable(text[r.start])) ++r.start;
    while (r.end > r.start && IsTrimmable(text[r.end - 1])) --r.end;
    for (int64_t i = r.start; i < r.end; ++i) {
      if (!IsSpaceCodePoint(text[i])) out.push_back(i);
    }
  }
  return out;
}

}  // namespace

bool ExactContentMatch(std::u32string_view text, const RangeList& a, const RangeList& b) {
  std::vector<int64_t> pa = TrimmedPositions(text, a);
  return !pa.empty() && pa == TrimmedPositions(text, b);
}

namespace {

struct Overlaps {
  std::vector<int> gold_match;
  std::vector<bool> gold_overlapped;
  std::vector<bool> predicted_overlapped;
};

Overlaps MatchGreedy(const NonSpaceCounter& counter, const std::vector<EvalAttribution>& gold,
                     const std::vector<EvalAttribution>& predicted) {
  struct Candidate {
    int64_t overlap;
    int gold;
    int predicted;
  };
  std::vector<Candidate> candidates;
  Overlaps out;
  out.gold_match.assign(gold.size(), -1);
  out.gold_overlapped.assign(gold.size(), false);
  out.predicted_overlapped.assign(predicted.size(), false);
  for (size_t g = 0; g < gold.size(); ++g) {
    for (size_t p = 0; p < predicted.size(); ++p) {
      int64_t overlap = counter.Overlap(gold[g].content, predicted[p].content);
      if (overlap <= 0) continue;
      candidates.push_back({overlap, static_cast<int>(g), static_cast<int>(p)});
      out.gold_overlapped[g] = true;
      out.predicted_overlapped[p] = true;
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(b.overlap, a.gold, a.predicted) < std::tie(a.overlap, b.gold, b.predicted);
  });
  std::vector<bool> predicted_taken(predicted.size(), false);
  for (const Candidate& c : candidates) {
    if (out.gold_match[c.gold] >= 0 || predicted_taken[c.predicted]) continue;
    out.gold_match[c.gold] = c.predicted;
    predicted_taken[c.predicted] = true;
  }
  return out;
}

}  // namespace

std::vector<int> MatchByContentOverlap(std::u32string_view text,
                                       const std::vector<EvalAttribution>& gold,
                                       const std::vector<EvalAttribution>& predicted) {
  return MatchGreedy(NonSpaceCounter(text), gold, predicted).gold_match;
}

const char* MeasureName(Measure measure) {
  switch (measure) {
    case Measure::kContentExact:
      return "content_exact";
    case Measure::kContentOverlap:
      return "content_overlap";
    case Measure::kSource:
      return "source";
    case Measure::kCue:
      return "cue";
    case Measure::kDirectContentExact:
      return "direct_content_exact";
    case Measure::kDirectContentOverlap:
      return "direct_content_overlap";
    case Measure::kDirectSource:
      return "direct_source";
    case Measure::kDirectCue:
      return "direct_cue";
  }
  return "?";
}

double MeasureCounts::Precision() const {
  return predicted > 0 ? static_cast<double>(predicted_correct) / static_cast<double>(predicted)
                       : 0;
}

double MeasureCounts::Recall() const {
  return gold > 0 ? static_cast<double>(gold_correct) / static_cast<double>(gold) : 0;
}

double MeasureCounts::F1() const {
  double p = Precision();
  double r = Recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

void MeasureCounts::Add(const MeasureCounts& other) {
  predicted += other.predicted;
  predicted_correct += other.predicted_correct;
  gold += other.gold;
  gold_correct += other.gold_correct;
}

namespace {

enum class Role { kContentExact, kContentOverlap, kSource, kCue };

const RangeList* RoleSpans(const EvalAttribution& a, Role role) {
  if (role == Role::kSource) return &a.source;
  if (role == Role::kCue) return &a.cue;
  return nullptr;
}

// Adds one measure's counts for an article to *counts.
void CountMeasure(std::u32string_view text, const NonSpaceCounter& counter,
                  const std::vector<EvalAttribution>& gold,
                  const std::vector<EvalAttribution>& predicted, const std::vector<int>& gold_match,
                  const std::vector<int>& predicted_match, Role role, bool direct_only,
                  MeasureCounts* counts) {
  auto judged = [&](const EvalAttribution& g) {
    const RangeList* spans = RoleSpans(g, role);
    return spans == nullptr || !spans->empty();
  };
  auto correct = [&](const EvalAttribution& g, const EvalAttribution& p) {
    if (role == Role::kContentOverlap) return true;
    if (role == Role::kContentExact) return ExactContentMatch(text, g.content, p.content);
    return judged(g) && counter.Overlap(*RoleSpans(g, role), *RoleSpans(p, role)) > 0;
  };
  for (size_t g = 0; g < gold.size(); ++g) {
    if ((direct_only && !gold[g].direct) || !judged(gold[g])) continue;
    ++counts->gold;
    if (gold_match[g] >= 0 && correct(gold[g], predicted[gold_match[g]])) ++counts->gold_correct;
  }
  for (size_t p = 0; p < predicted.size(); ++p) {
    if (direct_only && !predicted[p].direct) continue;
    int g = predicted_match[p];
    if (g >= 0 && !judged(gold[g])) continue;
    ++counts->predicted;
    if (g >= 0 && correct(gold[g], predicted[p])) ++counts->predicted_correct;
  }
}

}  // namespace

ArticleScore ScoreArticle(std::u32string_view text, const std::vector<EvalAttribution>& gold,
                          const std::vector<EvalAttribution>& predicted) {
  NonSpaceCounter counter(text);
  Overlaps overlaps = MatchGreedy(counter, gold, predicted);
  ArticleScore score;
  score.gold_match = std::move(overlaps.gold_match);
  score.gold_overlapped = std::move(overlaps.gold_overlapped);
  score.predicted_overlapped = std::move(overlaps.predicted_overlapped);
  score.predicted_match.assign(predicted.size(), -1);
  for (size_t g = 0; g < gold.size(); ++g) {
    if (score.gold_match[g] >= 0) score.predicted_match[score.gold_match[g]] = static_cast<int>(g);
  }
  static_assert(static_cast<int>(Measure::kDirectContentExact) == 4, "measure order");
  static constexpr Role kRoles[] = {Role::kContentExact, Role::kContentOverlap, Role::kSource,
                                    Role::kCue};
  for (int direct = 0; direct < 2; ++direct) {
    for (int r = 0; r < 4; ++r) {
      CountMeasure(text, counter, gold, predicted, score.gold_match, score.predicted_match,
                   kRoles[r], direct == 1, &score.measures[direct * 4 + r]);
    }
  }
  return score;
}

namespace {

// Lists the names of the regular files in dir ending in `suffix`, sorted.
Status ListFiles(const std::filesystem::path& dir, const std::string& suffix, std::vector<std::string>* out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return Status::NotFound(dir.string() + ": " + ec.message());
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.size() > suffix.size() && name.ends_with(suffix) && it->is_regular_file(ec)) {
      out->push_back(name);
    }
  }
  if (ec) return Status::IoError(dir.string() + ": " + ec.message());
  std::sort(out->begin(), out->end());
  return Status::Ok();
}

}  // namespace

Status ListPolnearCorpus(const std::string& dir_name, PolnearCorpus* corpus) {
  std::filesystem::path dir(dir_name);
  std::vector<std::string> texts, anns;
  Status s = ListFiles(dir / "text", ".txt", &texts);
  if (s.ok()) s = ListFiles(dir / "attributions", ".ann", &anns);
  if (!s.ok()) return s;
  // NAME_ANNOTATOR.ann: the annotator id is what follows the last '_'.
  // Per name, its annotator files in file-name order: the first is the gold.
  std::map<std::string, std::vector<std::string>> ann_files;
  for (const std::string& ann : anns) {
    std::string stem = ann.substr(0, ann.size() - 4);
    size_t underscore = stem.rfind('_');
    if (underscore == std::string::npos) continue;
    ann_files[stem.substr(0, underscore)].push_back(ann);  // `anns` is sorted.
  }
  std::set<std::string> has_text;
  corpus->texts.clear();
  for (const std::string& t : texts) {
    PolnearText& text = corpus->texts.emplace_back();
    text.name = t.substr(0, t.size() - 4);
    has_text.insert(text.name);
    auto it = ann_files.find(text.name);
    if (it == ann_files.end()) continue;
    text.ann_file = it->second.front();
    text.other_ann_files.assign(it->second.begin() + 1, it->second.end());
  }
  corpus->annotations_without_text = 0;
  for (const auto& [name, files] : ann_files) corpus->annotations_without_text += has_text.count(name) ? 0 : 1;
  return Status::Ok();
}

}  // namespace whosaid::internal
