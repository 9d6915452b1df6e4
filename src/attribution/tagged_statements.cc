#include "src/attribution/tagged_statements.h"

#include <algorithm>

#include "src/attribution/word_sets.h"

namespace whosaid::internal {
namespace {

bool Overlaps(const TokenRange& a, const TokenRange& b) { return a.first < b.last && b.first < a.last; }

bool IsEdgePunct(const TokenizedText& t, int i) { return t[i].kind == TokenKind::kPunct; }

// Trims punctuation (not quotation marks) from both ends of [first, last).
TokenRange Trim(const TokenizedText& t, int first, int last) {
  while (first < last && IsEdgePunct(t, first)) ++first;
  while (last > first && IsEdgePunct(t, last - 1)) --last;
  return {first, last};
}

// Direct when the content, give or take edge punctuation, is exactly one
// quotation; mixed when it holds a quotation mark; else indirect.
FoundAttribution::Type TypeOf(const TokenizedText& t, const std::vector<QuotedSpan>& quoted,
                              const std::vector<int>& quote_of_token, const TokenRange& content) {
  for (int k = content.first; k < content.last; ++k) {
    int q = quote_of_token[k];
    if (q < 0 && t[k].kind != TokenKind::kQuote) continue;
    if (q < 0) return FoundAttribution::Type::kMixed;
    int f = content.first, l = content.last;
    while (f < l && t[f].kind == TokenKind::kPunct) ++f;
    while (l > f && t[l - 1].kind == TokenKind::kPunct) --l;
    return f == quoted[q].open && l == quoted[q].close + 1 ? FoundAttribution::Type::kDirect
                                                           : FoundAttribution::Type::kMixed;
  }
  return FoundAttribution::Type::kIndirect;
}

// The mention sharing most tokens with [first, last) (the later one of
// equal ones), or -1.
int MentionOver(const MentionTable& mentions, const TokenRange& r) {
  int best = -1, best_shared = 0;
  const auto& all = mentions.mentions();
  for (int m = 0; m < static_cast<int>(all.size()); ++m) {
    int shared = std::min(all[m].last, r.last) - std::max(all[m].first, r.first);
    if (shared > 0 && shared >= best_shared) {
      best = m;
      best_shared = shared;
    }
  }
  return best;
}

// For a statement the tagger found no source for: the source of the
// nearest statement before its cue in the same sentence, else the nearest
// subject mention before the cue in the sentence, else -1.
int SourceNearby(const TokenizedText& t, const MentionTable& mentions, const std::vector<FoundAttribution>& found,
                 const TokenRange& cue) {
  const int sentence = t[cue.first].sentence;
  int best = -1, best_at = -1;
  {
    for (const FoundAttribution& a : found) {
      if (a.source < 0 || a.cue.empty() || a.cue.first >= cue.first || t[a.cue.first].sentence != sentence) continue;
      if (a.cue.first > best_at) {
        best_at = a.cue.first;
        best = a.source;
      }
    }
    if (best >= 0) return best;
  }
  {
    const auto& all = mentions.mentions();
    for (int m = 0; m < static_cast<int>(all.size()); ++m) {
      const MentionInfo& mi = all[m];
      if (!mi.subject || mi.in_quote || mi.last > cue.first || t[mi.first].sentence != sentence) continue;
      if (mi.first > best_at) {
        best_at = mi.first;
        best = m;
      }
    }
  }
  return best;
}

// The mention of the cue's sentence, outside the cue, the content and
// quotations, whose tokens the tagger would most readily tag SRC instead
// of O (by emission scores), or -1.
int BestMention(const TokenizedText& t, const MentionTable& mentions, const SpanWindow& w,
                const std::vector<float>& em, const TokenRange& cue, const TokenRange& content,
                const std::vector<int>& quote_of_token) {
  const int sentence = t[cue.first].sentence;
  int best = -1;
  float best_score = 0;
  const auto& all = mentions.mentions();
  for (int m = 0; m < static_cast<int>(all.size()); ++m) {
    const MentionInfo& mi = all[m];
    TokenRange r{mi.first, mi.last};
    if (mi.first < w.first || mi.last > w.last || t[mi.first].sentence != sentence) continue;
    if (Overlaps(r, cue) || Overlaps(r, content) || quote_of_token[mi.first] >= 0) continue;
    float score = 0;
    for (int i = mi.first; i < mi.last; ++i) {
      const float* e = &em[static_cast<size_t>(i - w.first) * kSpanTags];
      score += (i == mi.first ? e[kTagBSrc] : e[kTagISrc]) - e[kTagO];
    }
    if (best < 0 || score > best_score) {
      best = m;
      best_score = score;
    }
  }
  return best;
}

// "a foundation that focuses on ...": the relative "that" right before the
// cue (past "once", "has" and the like), after a noun; or -1.
int RelativeThatBefore(const TokenizedText& t, const TokenFacts& facts, int cue_first) {
  int k = cue_first - 1;
  while (k > 0 && cue_first - k <= 3 && t.IsWord(k) && IsVerbModifier(t.Lower(k)) &&
         t[k].sentence == t[cue_first].sentence) {
    --k;
  }
  if (k < 2 || !t.IsWord(k) || t.Lower(k) != "that" || t[k - 1].sentence != t[k].sentence) return -1;
  if (!t.IsWord(k - 1) || facts.quote_of_token[k - 1] >= 0 || facts.cue_len[k - 1] > 0) return -1;
  std::string_view before = t.Lower(k - 1);
  if (IsFunctionWord(before) || IsPreposition(before)) return -1;
  return k;
}

}  // namespace

std::vector<uint8_t> MentionKinds(const TokenizedText& t, const MentionTable& mentions, size_t count) {
  std::vector<uint8_t> kinds(t.size(), 0);
  const auto& all = mentions.mentions();
  count = std::min(count, all.size());
  for (size_t m = 0; m < count; ++m) {
    for (int k = all[m].first; k < all[m].last; ++k) {
      if (kinds[k] == 0) kinds[k] = static_cast<uint8_t>(1 + static_cast<int>(all[m].kind));
    }
  }
  return kinds;
}

TaggedSpans TagAroundCue(const SpanTagger& tagger, const SpanContext& c, int cue_first, int cue_last,
                         SpanWindow* window, std::vector<float>* emissions_out) {
  TaggedSpans out;
  const TokenizedText& t = *c.text;
  SpanWindow w = WindowAround(t, cue_first, cue_last);
  std::vector<uint32_t> features;
  std::vector<int> offsets;
  std::vector<uint8_t> allowed;
  SpanFeatures(c, w, &features, &offsets, &allowed);
  const int n = w.size();
  std::vector<float> local;
  std::vector<float>& emissions = emissions_out != nullptr ? *emissions_out : local;
  if (window != nullptr) *window = w;
  emissions.assign(static_cast<size_t>(n) * kSpanTags, 0.0f);
  for (int j = 0; j < n; ++j) {
    tagger.Emit(features.data() + offsets[j], offsets[j + 1] - offsets[j], &emissions[static_cast<size_t>(j) * kSpanTags]);
  }
  std::vector<uint8_t> tags(n, kTagO);
  float best = DecodeSpans(tagger, emissions.data(), allowed.data(), n, tags.data());
  // Longest CON run; SRC run nearest the cue.
  int con_first = -1, con_len = 0, src_first = -1, src_last = -1, src_dist = 1 << 30;
  for (int j = 0; j < n;) {
    int e = j + 1;
    if (tags[j] == kTagBCon) {
      while (e < n && tags[e] == kTagICon) ++e;
      if (e - j > con_len) {
        con_first = j;
        con_len = e - j;
      }
    } else if (tags[j] == kTagBSrc) {
      while (e < n && tags[e] == kTagISrc) ++e;
      int a = w.first + j, b = w.first + e;
      int dist = b <= cue_first ? cue_first - b : a - cue_last;
      if (dist < src_dist) {
        src_dist = dist;
        src_first = a;
        src_last = b;
      }
    }
    j = e;
  }
  if (con_first < 0) return out;
  out.content = Trim(t, w.first + con_first, w.first + con_first + con_len);
  if (src_first >= 0) out.source = Trim(t, src_first, src_last);
  std::vector<uint8_t> no_content(allowed);
  for (uint8_t& a : no_content) a &= kNoContentTags;
  std::vector<uint8_t> other(n, kTagO);
  out.margin = best - DecodeSpans(tagger, emissions.data(), no_content.data(), n, other.data());
  return out;
}

int AddTaggedStatements(const TokenizedText& t, const std::vector<QuotedSpan>& quoted, const TokenFacts& facts,
                        const TokenFacts& cues, size_t detected, MentionTable* mentions,
                        std::vector<FoundAttribution>* found) {
  const SpanTagger* tagger = ActiveSpanTagger();
  if (tagger == nullptr) return 0;
  // The cues no statement uses, outside every statement's content.
  std::vector<TokenRange> open;
  const int n = t.size();
  for (int i = 0; i < n; ++i) {
    if (cues.cue_len[i] == 0) continue;
    TokenRange cue{i, std::min(n, i + cues.cue_len[i])};
    bool taken = false;
    for (const FoundAttribution& a : *found) {
      if (Overlaps(cue, a.content) || (!a.cue.empty() && Overlaps(cue, a.cue))) {
        taken = true;
        break;
      }
    }
    if (!taken) open.push_back(cue);
  }
  if (open.empty()) return 0;
  std::vector<uint8_t> kinds = MentionKinds(t, *mentions, detected);
  SpanContext c{&t, &facts.quote_of_token, &facts.cue_len, &kinds, &cues.cue_form};
  int added = 0;
  std::vector<float> emissions;
  for (const TokenRange& cue : open) {
    SpanWindow w;
    TaggedSpans s = TagAroundCue(*tagger, c, cue.first, cue.last, &w, &emissions);
    if (s.content.empty() || s.margin <= tagger->threshold()) continue;
    // Nothing found before (rules or tagger) may share the content or the
    // cue, and its speaker is no content: 'Trump, writing on Twitter, said'
    // has one statement, Trump's.
    bool clash = false;
    for (const FoundAttribution& b : *found) {
      clash = Overlaps(s.content, b.content) || Overlaps(cue, b.content) ||
              (!b.cue.empty() && (Overlaps(s.content, b.cue) || Overlaps(cue, b.cue))) ||
              (b.source >= 0 && s.content.first >= mentions->mention(b.source).first &&
               s.content.last <= mentions->mention(b.source).last);
      if (clash) break;
    }
    if (clash) continue;
    FoundAttribution a;
    a.content = s.content;
    a.cue = cue;
    a.type = TypeOf(t, quoted, facts.quote_of_token, s.content);
    int that = RelativeThatBefore(t, facts, cue.first);
    if (that >= 0) {
      // The noun phrase with its "that": PolNeAR marks either as the source.
      // The relative clause's subject, whatever the tagger marked as SRC
      // before it ("She has fallen out of favor with green groups that once
      // regarded her as ...").
      int head = mentions->EndingAt(that - 1);
      int first = head >= 0 ? mentions->mention(head).first : that;
      a.source = head >= 0 && mentions->mention(head).entity >= 0
                     ? mentions->AddLinkedPhrase(first, that + 1, mentions->mention(head).entity)
                     : mentions->AddSourcePhrase(first, that + 1);
      if (a.source >= 0) a.speaker = mentions->mention(a.source).entity;
    } else if (!s.source.empty()) {
      a.source = MentionOver(*mentions, s.source);
      if (a.source < 0) a.source = mentions->AddSourcePhrase(s.source.first, s.source.last);
      if (a.source >= 0) a.speaker = mentions->mention(a.source).entity;
    }
    // No SRC tag (or no mention there): the source of an earlier statement
    // in the sentence, the sentence's nearest subject, or the mention the
    // tagger scores best as SRC.
    if (a.source < 0) {
      a.source = SourceNearby(t, *mentions, *found, cue);
      if (a.source < 0) a.source = BestMention(t, *mentions, w, emissions, cue, s.content, facts.quote_of_token);
      if (a.source >= 0) a.speaker = mentions->mention(a.source).entity;
    }
    if (cues.cue_form[cue.first] != nullptr) a.category = cues.cue_form[cue.first]->category;
    found->push_back(std::move(a));
    ++added;
  }
  if (added > 0) SortInTextOrder(found);
  return added;
}

}  // namespace whosaid::internal
