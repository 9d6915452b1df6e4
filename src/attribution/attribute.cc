// AttributeArticle: runs the attribution stages over an article's text and
// turns their token-level findings into public, code-point-offset records.
#include <algorithm>
#include <climits>
#include <unordered_map>

#include "src/attribution/attributor.h"
#include "src/attribution/mentions.h"
#include "src/attribution/model_cues.h"
#include "src/attribution/quotes.h"
#include "src/attribution/tagged_statements.h"
#include "src/attribution/temporal.h"
#include "src/attribution/word_sets.h"
#include "src/attribution/tokenizer.h"
#include "src/model/content_start_model.h"
#include "src/util/date.h"
#include "src/util/utf8.h"
#include "whosaid/pipeline.h"

namespace whosaid {
namespace {

using internal::CodePointIndex;
using internal::FoundAttribution;
using internal::TokenizedText;

class SpanMaker {
 public:
  SpanMaker(const TokenizedText& t, const CodePointIndex& index) : t_(t), index_(index) {}
  Span Bytes(size_t begin, size_t end) const {
    Span s;
    s.start = index_.ToCodePoint(begin);
    s.end = index_.ToCodePoint(end);
    s.text = std::string(t_.text().substr(begin, end - begin));
    return s;
  }
  Span Tokens(int first, int last) const { return Bytes(t_[first].begin, t_[last - 1].end); }

 private:
  const TokenizedText& t_;
  const CodePointIndex& index_;
};

const char* CategoryName(internal::CueCategory c) {
  switch (c) {
    case internal::CueCategory::kSpeech: return "speech";
    case internal::CueCategory::kBelief: return "belief";
    case internal::CueCategory::kSource: return "source";
    case internal::CueCategory::kFinding: return "finding";
    case internal::CueCategory::kStance: return "stance";
  }
  return "speech";
}

// True when span [start, end) lies inside q's content, inside one part
// when the content is discontinuous.
bool InsideContent(const Quote& q, int64_t start, int64_t end) {
  if (q.parts.empty()) return q.content.start <= start && end <= q.content.end;
  for (const Span& p : q.parts) {
    if (p.start <= start && end <= p.end) return true;
  }
  return false;
}

// Sets Quote::within. Quotes are sorted by start, longest first, so every
// container comes before what it contains; a stack of the quotes still open
// at the current start finds the nearest container of each.
void MarkEmbeddedStatements(std::vector<Quote>* quotes) {
  std::vector<int> open;
  for (int i = 0; i < static_cast<int>(quotes->size()); ++i) {
    Quote& q = (*quotes)[i];
    while (!open.empty() && (*quotes)[open.back()].content.end < q.content.end) open.pop_back();
    for (int k = static_cast<int>(open.size()) - 1; k >= 0; --k) {
      const Quote& outer = (*quotes)[open[k]];
      bool content_inside = InsideContent(outer, q.content.start, q.content.end) &&
                            (q.content.start != outer.content.start || q.content.end != outer.content.end);
      if (content_inside && q.cue && InsideContent(outer, q.cue->start, q.cue->end)) {
        q.within = open[k];
        break;
      }
    }
    open.push_back(i);
  }
}

bool Overlaps(const internal::TokenRange& a, const internal::TokenRange& b) {
  return a.first < b.last && b.first < a.last;
}

// The model's cues in sentences where the lexicon found one: the rules ran
// without them, so they cannot cut into a statement the rules parsed. A
// second run with them added keeps only the statements they open whose cue
// and content touch nothing the first run found. *more gets the facts with
// every cue marked, the model's added ones too.
void AddSecondPass(const internal::TokenizedText& t, const std::vector<internal::QuotedSpan>& quoted,
                   const std::vector<internal::TimeExpression>& times, const internal::TokenFacts& facts,
                   internal::MentionTable* mentions, std::vector<FoundAttribution>* found,
                   internal::TokenFacts* more_out) {
  internal::TokenFacts& more = *more_out;
  more = facts;
  std::vector<int> added = internal::AddModelCues(t, internal::CueScope::kCuedSentences, &more);
  if (added.empty()) return;
  internal::Attributor second(t, quoted, times, more, mentions);
  std::vector<FoundAttribution> extra = second.Run();
  size_t first_count = found->size();
  for (FoundAttribution& a : extra) {
    if (a.cue.empty() || !std::binary_search(added.begin(), added.end(), a.cue.first)) continue;
    bool clash = false;
    for (size_t i = 0; i < first_count && !clash; ++i) {
      const FoundAttribution& b = (*found)[i];
      clash = Overlaps(a.content, b.content) || Overlaps(a.cue, b.content) || Overlaps(a.cue, b.cue);
      // 'Trump, writing on Twitter, said ...': a speaker is no content.
      if (b.source >= 0) {
        const internal::MentionInfo& m = mentions->mention(b.source);
        clash = clash || (a.content.first >= m.first && a.content.last <= m.last);
      }
    }
    if (!clash) found->push_back(std::move(a));
  }
  if (found->size() > first_count) internal::SortInTextOrder(found);
}

// PolNeAR's content starts (content_start_model.h): an indirect or mixed
// statement's content may start a few tokens after the cue ("expressed
// concern about | the cost"). Skipped words right after the cue become
// part of it; anything else skipped (a connective, a comma) belongs to
// neither.
void MoveContentStarts(const internal::TokenizedText& t, std::vector<FoundAttribution>* found) {
  const internal::ContentStartModel* model = internal::ActiveContentStartModel();
  if (model == nullptr) return;
  // The first token of each cue, in order.
  std::vector<int> cue_starts;
  for (const FoundAttribution& a : *found) {
    if (!a.cue.empty()) cue_starts.push_back(a.cue.first);
  }
  std::sort(cue_starts.begin(), cue_starts.end());
  bool moved = false;
  for (FoundAttribution& a : *found) {
    if (a.type == FoundAttribution::Type::kDirect || !a.parts.empty() || a.cue.empty()) continue;
    // Only content after its cue: before a trailing frame ("He was a
    // “...,” the family said") it starts with the sentence.
    if (a.content.first < a.cue.last) continue;
    internal::StartStatement s{a.cue.first, a.cue.last, a.content.first, a.content.last,
                               a.type == FoundAttribution::Type::kMixed};
    auto next_cue = std::lower_bound(cue_starts.begin(), cue_starts.end(), a.content.first);
    if (next_cue != cue_starts.end()) s.max_shift = std::min(s.max_shift, *next_cue - a.content.first);
    // "said at least 12 people were killed": a quantity opens the content
    // and stays whole.
    int f = a.content.first;
    if (f + 1 < t.size() && t.IsWord(f) && t.IsWord(f + 1) && internal::OpensQuantity(t.Lower(f), t.Lower(f + 1))) {
      continue;
    }
    int k = internal::BestStartShift(*model, t, s);
    if (k == 0) continue;
    bool words = true;
    for (int i = a.content.first; i < a.content.first + k && words; ++i) words = t.IsWord(i);
    if (words && a.cue.last == a.content.first) a.cue.last += k;
    a.content.first += k;
    moved = true;
  }
  if (moved) internal::SortInTextOrder(found);
}

// A statement whose frame follows a comma, a semicolon, a colon or a dash
// inside another's indirect content is the next statement, not part of the
// first: "say they have a favorable view of Clinton, compared with 64
// percent who say the same of Sanders"; "declined to comment; aides later
// said ...". The first's content ends at the punctuation, and the second
// stands on its own. Before this split, 327 of 2,027 nested pairs on train
// had both cues annotated side by side (PolNeAR never nests). Without the
// punctuation the second stays nested ("said Reyes had told him ..."): of
// the 1,854 pairs left, PolNeAR marks the outer statement alone in 1,166
// and both in 248. On train this split gained 0.0028 source and 0.0020
// exact F1; every other separator tried (a bare "and", "that", "because")
// lost.
void SplitSiblingStatements(const internal::TokenizedText& t, const internal::MentionTable& mentions,
                            std::vector<FoundAttribution>* found) {
  std::vector<FoundAttribution>& f = *found;
  const int n = static_cast<int>(f.size());
  // container[i]: the nearest statement whose content holds i's content and
  // cue; found is in text order, a container before what it contains.
  std::vector<int> container(n, -1);
  std::vector<int> open;
  for (int i = 0; i < n; ++i) {
    while (!open.empty() && f[open.back()].content.last < f[i].content.last) open.pop_back();
    for (int k = static_cast<int>(open.size()) - 1; k >= 0 && !f[i].cue.empty(); --k) {
      const internal::TokenRange& c = f[open[k]].content;
      bool inside = c.first <= f[i].content.first && f[i].content.last <= c.last && !(c == f[i].content);
      if (inside && c.first <= f[i].cue.first && f[i].cue.last <= c.last) {
        container[i] = open[k];
        break;
      }
    }
    open.push_back(i);
  }
  auto opener = [&](int x) { return t.IsWord(x) && internal::IsSiblingOpener(t.Lower(x)); };
  std::vector<int> cut(n, -1);
  for (int i = 0; i < n; ++i) {
    int c = container[i];
    if (c < 0) continue;
    const FoundAttribution& outer = f[c];
    if (outer.type == FoundAttribution::Type::kDirect || !outer.parts.empty() || outer.cue.empty()) continue;
    const FoundAttribution& inner = f[i];
    // Where the inner statement's frame starts: its source, when that
    // follows the outer cue, its cue, or content of its own before them.
    int frame = inner.cue.first;
    if (inner.source >= 0) {
      int s = mentions.mention(inner.source).first;
      if (s >= outer.cue.last && s >= outer.content.first) frame = std::min(frame, s);
    }
    if (inner.content.first >= outer.content.first) frame = std::min(frame, inner.content.first);
    int x = frame;
    bool punct = false;
    for (int steps = 0; x > outer.content.first && steps < 4; ++steps) {
      int p = x - 1;
      if (opener(p)) {
        x = p;
      } else if (t.IsPunct(p, ',') || t.IsPunct(p, ';') || t.IsPunct(p, ':') || t.IsPunct(p, '-') ||
                 internal::IsDash(t, p)) {
        punct = true;
        x = p;
      } else {
        break;
      }
    }
    if (!punct || x <= outer.content.first || (cut[c] >= 0 && x >= cut[c])) continue;
    // "the deal, which critics say is flawed, will pass": an aside in the
    // middle of the content, which a comma and the content's verb follow,
    // belongs to it.
    bool aside = false;
    for (int y = inner.cue.last; y + 1 < outer.content.last && !aside; ++y) {
      if (!t.IsPunct(y, ',')) continue;
      aside = t.IsWord(y + 1) && internal::IsFiniteVerbForm(t.Lower(y + 1));
      break;
    }
    if (!aside) cut[c] = x;
  }
  bool changed = false;
  for (int c = 0; c < n; ++c) {
    if (cut[c] < 0) continue;
    f[c].content.last = cut[c];
    changed = true;
  }
  if (changed) internal::SortInTextOrder(found);
}

// "When Clinton challenges Sanders on the Obama legacy, she is making ...",
// "After Bill Clinton claimed that the era of big government was over,
// Obama won ...": a cue in a sentence that opens with a subordinate clause
// says no more than that clause. Its content ends at its first comma when
// the main clause's subject (a subject pronoun or a capitalised word)
// follows. On train this gained 0.0008 exact F1 and on dev 0.0009; cutting
// at the comma whatever follows it lost overlap on both.
void EndAtMainClause(const internal::TokenizedText& t, std::vector<FoundAttribution>* found) {
  auto subordinator = [&](int x) { return t.IsWord(x) && internal::IsSubordinator(t.Lower(x)); };
  bool changed = false;
  for (FoundAttribution& a : *found) {
    if (a.type == FoundAttribution::Type::kDirect || !a.parts.empty() || a.cue.empty() ||
        a.content.first < a.cue.last) {
      continue;
    }
    int w = t.sentences()[t[a.cue.first].sentence].first;
    while (w < a.cue.first && t[w].kind == internal::TokenKind::kQuote) ++w;
    if (w >= a.cue.first || !subordinator(w)) continue;
    for (int x = a.content.first; x + 1 < a.content.last; ++x) {
      if (t[x].kind == internal::TokenKind::kQuote) break;
      if (!t.IsPunct(x, ',')) continue;
      std::string_view next = t.IsWord(x + 1) ? t.Lower(x + 1) : std::string_view();
      bool subject = !next.empty() && (next == "he" || next == "she" || next == "they" || next == "we" ||
                                       next == "it" || t[x + 1].Is(internal::kCapitalized));
      if (subject && x > a.content.first) {
        a.content.last = x;
        changed = true;
      }
      break;
    }
  }
  if (changed) internal::SortInTextOrder(found);
}

// The token after a phrase naming where words were said, starting at x:
// "in an interview", "in a statement", "on Twitter", "at a news
// conference", "during a debate"; or -1.
int VenuePhraseEnd(const internal::TokenizedText& t, int x, int limit) {
  auto word = [&](int i, std::string_view w) { return i < limit && t.IsWord(i) && t.Lower(i) == w; };
  if (word(x, "on") && word(x + 1, "twitter")) return x + 2;
  bool in = word(x, "in"), at = word(x, "at"), during = word(x, "during");
  if (!(in || at || during) || !(word(x + 1, "a") || word(x + 1, "an"))) return -1;
  int h = x + 2;
  if (at && (word(h, "news") || word(h, "press") || word(h, "campaign") || word(h, "town"))) ++h;
  static const std::string_view kIn[] = {"interview", "statement", "tweet", "email"};
  static const std::string_view kAt[] = {"conference", "rally", "event", "hall"};
  static const std::string_view kDuring[] = {"interview", "debate", "speech", "appearance", "rally"};
  auto any = [&](const auto& heads) {
    for (std::string_view w : heads) {
      if (word(h, w)) return true;
    }
    return false;
  };
  bool head = in ? any(kIn) : at ? any(kAt) : any(kDuring);
  // "at a conference" alone is no venue phrase: "at a news conference" is.
  if (at && h == x + 2 && (word(h, "conference") || word(h, "event") || word(h, "hall"))) head = false;
  return head ? h + 1 : -1;
}

// "Lopez said the plan was dead in an interview on Sunday": the phrase
// that names where the words were said ends the content and is no part of
// it. Only at the content's end, with no comma after it: "said in an
// interview that ..." never reaches here, and "described the attack in a
// statement, which ..." keeps its words. On train this gained 0.0007 exact
// F1 and on dev 0.0005 (a wider list of venues lost 0.0010 on dev).
void DropTrailingVenue(const internal::TokenizedText& t, std::vector<FoundAttribution>* found) {
  bool changed = false;
  for (FoundAttribution& a : *found) {
    if (a.type == FoundAttribution::Type::kDirect || !a.parts.empty() || a.cue.empty() ||
        a.content.first < a.cue.last) {
      continue;
    }
    int last = a.content.last;
    while (last > a.content.first && t.IsPunct(last - 1, '.')) --last;
    for (int x = a.content.first + 1; x < last; ++x) {
      if (t.IsPunct(x, ',') || t.IsPunct(x, '.') || t[x].kind == internal::TokenKind::kQuote) continue;
      int end = VenuePhraseEnd(t, x, last);
      if (end < 0) continue;
      bool rest_plain = true;
      for (int y = end; y < last && rest_plain; ++y) {
        rest_plain = !t.IsPunct(y, ',') && !t.IsPunct(y, '.') && t[y].kind != internal::TokenKind::kQuote;
      }
      if (!rest_plain) continue;
      int cut = t.IsPunct(x - 1, ',') ? x - 1 : x;
      if (cut > a.content.first) {
        a.content.last = cut;
        changed = true;
      }
      break;
    }
  }
  if (changed) internal::SortInTextOrder(found);
}

// Two statements with the same content are one statement read from two
// cues ('Clinton said, “...”' after 'a woman asked for a photo'): the one
// whose cue stands nearest the content stays. In text order equal contents
// are neighbours. On train 41 contents were given twice;
// dropping the farther gained 0.0008 overlap F1 on train and on dev.
void DropDuplicateContents(std::vector<FoundAttribution>* found) {
  auto same_content = [](const FoundAttribution& a, const FoundAttribution& b) {
    return a.content == b.content && a.parts == b.parts;
  };
  auto distance = [](const FoundAttribution& a) {
    if (a.cue.empty()) return INT_MAX;
    return std::max({0, a.content.first - a.cue.last, a.cue.first - a.content.last});
  };
  internal::SortInTextOrder(found);
  std::vector<FoundAttribution>& f = *found;
  size_t out = 0;
  for (size_t i = 0; i < f.size(); ++i) {
    if (out > 0 && same_content(f[out - 1], f[i])) {
      if (distance(f[i]) < distance(f[out - 1])) f[out - 1] = std::move(f[i]);
      continue;
    }
    if (out != i) f[out] = std::move(f[i]);
    ++out;
  }
  f.resize(out);
}

}  // namespace

void AttributeArticle(Article* article) {
  article->people.clear();
  article->quotes.clear();
  article->events.clear();
  const std::string& text = article->text;
  TokenizedText t(text);
  if (t.size() == 0) return;
  CodePointIndex index(text);
  SpanMaker spans(t, index);

  std::vector<internal::QuotedSpan> quoted = internal::PairQuotes(t);
  internal::TokenFacts facts;
  facts.quote_of_token = internal::QuoteOfToken(t, quoted);
  std::optional<internal::CivilDate> date;
  if (article->date) date = internal::ParseIsoDate(*article->date);
  std::vector<internal::TimeExpression> times = internal::FindTimeExpressions(t, date);
  facts.time_at.assign(t.size() + 1, -1);
  for (int i = 0; i < static_cast<int>(times.size()); ++i) facts.time_at[times[i].first] = i;
  internal::MarkCues(t, &facts);

  internal::MentionTable mentions(t, facts.quote_of_token, facts.cue_len);
  const size_t detected_mentions = mentions.mentions().size();
  internal::Attributor attributor(t, quoted, times, facts, &mentions);
  std::vector<FoundAttribution> found = attributor.Run();
  internal::TokenFacts all_cues;
  AddSecondPass(t, quoted, times, facts, &mentions, &found, &all_cues);
  // The span tagger's fallback for the cues the rules left unparsed.
  internal::AddTaggedStatements(t, quoted, facts, all_cues, detected_mentions, &mentions, &found);
  MoveContentStarts(t, &found);
  SplitSiblingStatements(t, mentions, &found);
  EndAtMainClause(t, &found);
  DropTrailingVenue(t, &found);
  DropDuplicateContents(&found);

  // People: persons with a mention, and organisations that speak.
  const auto& entities = mentions.entities();
  std::vector<char> speaks(entities.size(), 0);
  for (const FoundAttribution& a : found) if (a.speaker >= 0) speaks[a.speaker] = 1;
  std::vector<int> order;
  for (int e = 0; e < static_cast<int>(entities.size()); ++e) {
    if (entities[e].mentions.empty()) continue;
    if (entities[e].organization && !speaks[e]) continue;
    order.push_back(e);
  }
  std::vector<int> first_mention(entities.size(), t.size());
  for (int e : order) {
    for (int m : entities[e].mentions) first_mention[e] = std::min(first_mention[e], mentions.mention(m).first);
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) { return first_mention[a] < first_mention[b]; });
  std::unordered_map<int, std::string> person_id;
  for (int e : order) {
    const internal::EntityInfo& ent = entities[e];
    Person p;
    p.id = "p" + std::to_string(article->people.size() + 1);
    person_id[e] = p.id;
    p.name = ent.name;
    p.is_organization = ent.organization;
    if (ent.gender == 'm') p.gender = "male";
    if (ent.gender == 'f') p.gender = "female";
    p.titles = ent.titles;
    if (!ent.organization && !ent.surname.empty() && ent.surname != ent.name) p.aliases.push_back(ent.surname);
    std::vector<int> ms = ent.mentions;
    std::sort(ms.begin(), ms.end(), [&](int a, int b) { return mentions.mention(a).first < mentions.mention(b).first; });
    for (int m : ms) {
      const internal::MentionInfo& mi = mentions.mention(m);
      Mention out;
      out.span = spans.Tokens(mi.first, mi.last);
      out.kind = internal::MentionKindName(mi.kind);
      if (mi.kind != internal::MentionKind::kPronoun && out.span.text != p.name &&
          std::find(p.aliases.begin(), p.aliases.end(), out.span.text) == p.aliases.end()) {
        p.aliases.push_back(out.span.text);
      }
      p.mentions.push_back(std::move(out));
    }
    article->people.push_back(std::move(p));
  }

  for (const FoundAttribution& a : found) {
    Quote q;
    q.type = a.type == FoundAttribution::Type::kDirect ? QuoteType::kDirect
             : a.type == FoundAttribution::Type::kMixed ? QuoteType::kMixed
                                                        : QuoteType::kIndirect;
    q.content = spans.Tokens(a.content.first, a.content.last);
    for (const internal::TokenRange& part : a.parts) q.parts.push_back(spans.Tokens(part.first, part.last));
    if (!a.cue.empty()) q.cue = spans.Tokens(a.cue.first, a.cue.last);
    if (a.source >= 0) {
      const internal::MentionInfo& mi = mentions.mention(a.source);
      q.source = spans.Tokens(mi.first, mi.last);
    }
    if (a.speaker >= 0) {
      q.speaker = entities[a.speaker].name;
      auto it = person_id.find(a.speaker);
      if (it != person_id.end()) q.speaker_id = it->second;
    }
    if (!a.addressee.empty()) q.addressee = a.addressee;
    if (a.time >= 0) q.date = times[a.time].date;
    q.attribution = a.continuation ? "continuation" : "cue";
    q.category = CategoryName(a.category);
    article->quotes.push_back(std::move(q));
  }
  MarkEmbeddedStatements(&article->quotes);
  // A statement reported inside another takes the outer one's date; the
  // outer one comes first and has taken its own container's already.
  for (Quote& q : article->quotes) {
    if (!q.date && q.within) q.date = article->quotes[*q.within].date;
  }
  for (const internal::TimeExpression& te : times) {
    TimeMention tm;
    tm.span = spans.Tokens(te.first, te.last);
    tm.date = te.date;
    article->events.push_back(std::move(tm));
  }
}

}  // namespace whosaid
