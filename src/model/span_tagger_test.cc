// Tests for the span tagger: the binary format and its errors, Viterbi
// decoding under the tag constraints, the features' window, deterministic
// training on hand-written sentences.
#include "src/model/span_tagger.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/attribution/tokenizer.h"
#include "src/model/span_features.h"

namespace whosaid::internal {
namespace {

void SetU32(std::string* s, size_t at, uint32_t v) {
  for (int k = 0; k < 4; ++k) (*s)[at + k] = static_cast<char>((v >> (8 * k)) & 0xFF);
}

SpanTagger SmallTagger() {
  SpanTagger m(4);
  m.mutable_weights()[3 * kSpanTags + kTagBCon] = 1.5f;
  m.mutable_weights()[9 * kSpanTags + kTagO] = -0.25f;
  m.mutable_transitions()[kTagBSrc * kSpanTags + kTagISrc] = 2.0f;
  m.set_threshold(0.75f);
  return m;
}

TEST(SpanTagger, SerializeParseRoundTrip) {
  SpanTagger m = SmallTagger();
  std::string bytes = m.Serialize();
  EXPECT_EQ(bytes.size(), 144u + 2 * 8);
  StatusOr<SpanTagger> back = SpanTagger::Parse(bytes);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->hash_bits(), 4);
  EXPECT_FLOAT_EQ(back->threshold(), 0.75f);
  EXPECT_EQ(back->weights(), m.weights());
  EXPECT_EQ(back->transitions(), m.transitions());
  EXPECT_EQ(back->NonZero(), 2u);
  EXPECT_EQ(back->Serialize(), bytes);
}

TEST(SpanTagger, ParseRejectsBadInputWithOffset) {
  const std::string good = SmallTagger().Serialize();
  struct Case {
    std::string bytes;
    const char* offset;
    const char* why;
  };
  std::vector<Case> cases;
  cases.push_back({good.substr(0, 100), "byte 100:", "truncated"});
  std::string b = good;
  b[0] = 'X';
  cases.push_back({b, "byte 0:", "magic"});
  b = good;
  SetU32(&b, 4, 2);
  cases.push_back({b, "byte 4:", "version 2"});
  b = good;
  SetU32(&b, 8, 30);
  cases.push_back({b, "byte 8:", "hash bits 30"});
  b = good;
  SetU32(&b, 12, 4);
  cases.push_back({b, "byte 12:", "tag count 4"});
  cases.push_back({good + std::string(8, '\0'), "byte 140:", "count"});
  b = good;
  SetU32(&b, 152, 0);  // The second index now comes before the first.
  cases.push_back({b, "byte 152:", "order"});
  b = good;
  SetU32(&b, 152, 16 * kSpanTags);  // One past the table.
  cases.push_back({b, "byte 152:", "out of range"});
  for (const Case& c : cases) {
    StatusOr<SpanTagger> m = SpanTagger::Parse(c.bytes);
    ASSERT_FALSE(m.ok()) << c.why;
    EXPECT_NE(m.status().message().find(c.offset), std::string::npos) << m.status().message();
    EXPECT_NE(m.status().message().find(c.why), std::string::npos) << m.status().message();
  }
}

TEST(DecodeSpans, FollowsTheEmissionsWithinTheConstraints) {
  SpanTagger m(2);
  // Token 0 wants I-CON, which cannot open a window: B-CON is next best.
  // Token 1 wants I-CON after it. Token 2 may only be O. Token 3 wants
  // I-SRC, which cannot follow O: O wins over B-SRC.
  const float e[] = {
      0, 0, 0, 2, 3,  //
      0, 0, 0, 0, 4,  //
      0, 5, 0, 0, 0,  //
      1, 0, 3, 0, 0,  //
  };
  const uint8_t allowed[] = {kAllTags, kAllTags, 1, kAllTags};
  uint8_t tags[4];
  float score = DecodeSpans(m, e, allowed, 4, tags);
  EXPECT_EQ(tags[0], kTagBCon);
  EXPECT_EQ(tags[1], kTagICon);
  EXPECT_EQ(tags[2], kTagO);
  EXPECT_EQ(tags[3], kTagO);
  EXPECT_FLOAT_EQ(score, 2 + 4 + 0 + 1);
  // A transition weight can pull a B-SRC / I-SRC pair in.
  m.mutable_transitions()[kTagBSrc * kSpanTags + kTagISrc] = 3;
  const float e2[] = {0, 1, 0, 0, 0, 1, 0, 1, 0, 0};
  uint8_t two[2];
  DecodeSpans(m, e2, allowed, 2, two);
  EXPECT_EQ(two[0], kTagBSrc);
  EXPECT_EQ(two[1], kTagISrc);
  // Ties go to the lower tag.
  const float zero[kSpanTags] = {};
  uint8_t one[1];
  DecodeSpans(m, zero, allowed, 1, one);
  EXPECT_EQ(one[0], kTagO);
  EXPECT_EQ(DecodeSpans(m, zero, allowed, 0, one), 0);
}

TEST(SpanFeatures, WindowIsTheCueSentenceAndTheNextInItsParagraph) {
  TokenizedText t("Ann Lee said it rained. It was cold.\n\nBob left.");
  // Tokens: Ann Lee said it rained . It was cold . | Bob left .
  SpanWindow w = WindowAround(t, 2, 3);
  EXPECT_EQ(w.first, 0);
  EXPECT_EQ(w.last, 10);
  std::vector<int> quote_of_token(t.size(), -1);
  std::vector<uint8_t> cue_len(t.size(), 0);
  cue_len[2] = 1;
  SpanContext c{&t, &quote_of_token, &cue_len, nullptr};
  std::vector<uint32_t> f;
  std::vector<int> offsets;
  std::vector<uint8_t> allowed;
  SpanFeatures(c, w, &f, &offsets, &allowed);
  ASSERT_EQ(offsets.size(), 11u);
  EXPECT_EQ(offsets.back(), static_cast<int>(f.size()));
  for (int j = 0; j < 10; ++j) {
    EXPECT_GT(offsets[j + 1] - offsets[j], 20);
    EXPECT_LE(offsets[j + 1] - offsets[j], kMaxSpanFeatures);
    EXPECT_EQ(allowed[j], j == 2 ? 1 : kAllTags) << j;
  }
  // The same token in the same window has the same features.
  std::vector<uint32_t> again;
  SpanFeatures(c, w, &again, &offsets, &allowed);
  EXPECT_EQ(again, f);
}

// One training window: the text, the cue's tokens, and the tags of the
// window's tokens written as a string, one letter per token:
// O, S (source) or C (content); B- and I- follow from the runs.
struct Sample {
  const char* text;
  int cue_first;
  int cue_last;
  const char* tags;
};

struct Window {
  std::vector<uint32_t> features;
  std::vector<int> offsets;
  std::vector<uint8_t> allowed;
  std::vector<uint8_t> gold;
};

Window MakeWindow(const Sample& s) {
  TokenizedText t(s.text);
  std::vector<int> quote_of_token(t.size(), -1);
  std::vector<uint8_t> cue_len(t.size(), 0);
  cue_len[s.cue_first] = static_cast<uint8_t>(s.cue_last - s.cue_first);
  SpanContext c{&t, &quote_of_token, &cue_len, nullptr};
  SpanWindow w = WindowAround(t, s.cue_first, s.cue_last);
  Window out;
  SpanFeatures(c, w, &out.features, &out.offsets, &out.allowed);
  EXPECT_EQ(static_cast<int>(std::string(s.tags).size()), w.size()) << s.text;
  char previous = 'O';
  for (char ch : std::string(s.tags)) {
    uint8_t tag = kTagO;
    if (ch == 'S') tag = previous == 'S' ? kTagISrc : kTagBSrc;
    if (ch == 'C') tag = previous == 'C' ? kTagICon : kTagBCon;
    out.gold.push_back(tag);
    previous = ch;
  }
  return out;
}

const Sample kSamples[] = {
    // Maria Lopez argued that the vote was fair .
    {"Maria Lopez argued that the vote was fair.", 2, 3, "SSOCCCCCO"},
    // The mayor warned that taxes would rise .
    {"The mayor warned that taxes would rise.", 2, 3, "SSOCCCCO"},
    // Tom Berg insisted the count was wrong .
    {"Tom Berg insisted the count was wrong.", 2, 3, "SSOCCCCO"},
    // The road was long and the car was red .  (a cue with no statement)
    {"The road was long and the car was red.", 6, 7, "OOOOOOOOOO"},
};

SpanTagger TrainSamples(int epochs) {
  std::vector<Window> windows;
  for (const Sample& s : kSamples) windows.push_back(MakeWindow(s));
  SpanPerceptron p(12);
  for (int e = 0; e < epochs; ++e) {
    for (const Window& w : windows) {
      p.Learn(w.features.data(), w.offsets.data(), static_cast<int>(w.gold.size()), w.allowed.data(), w.gold.data());
    }
  }
  return p.Averaged();
}

std::vector<uint8_t> Decode(const SpanTagger& m, const Window& w) {
  int n = static_cast<int>(w.gold.size());
  std::vector<float> e(static_cast<size_t>(n) * kSpanTags, 0.0f);
  for (int j = 0; j < n; ++j) m.Emit(w.features.data() + w.offsets[j], w.offsets[j + 1] - w.offsets[j], &e[j * kSpanTags]);
  std::vector<uint8_t> tags(n);
  DecodeSpans(m, e.data(), w.allowed.data(), n, tags.data());
  return tags;
}

TEST(SpanPerceptron, LearnsHandWrittenWindowsDeterministically) {
  SpanTagger a = TrainSamples(10);
  SpanTagger b = TrainSamples(10);
  EXPECT_EQ(a.Serialize(), b.Serialize());
  EXPECT_GT(a.NonZero(), 0u);
  for (const Sample& s : kSamples) {
    Window w = MakeWindow(s);
    EXPECT_EQ(Decode(a, w), w.gold) << s.text;
  }
  // An unseen sentence of the same shape.
  Window unseen = MakeWindow({"Ann Wu argued that the plan was bad.", 2, 3, "SSOCCCCCO"});
  EXPECT_EQ(Decode(a, unseen), unseen.gold);
}

TEST(SpanPerceptron, LearnReportsWhetherItWasRight) {
  Window w = MakeWindow(kSamples[0]);
  SpanPerceptron p(12);
  EXPECT_FALSE(p.Learn(w.features.data(), w.offsets.data(), static_cast<int>(w.gold.size()), w.allowed.data(),
                       w.gold.data()));
  bool right = false;
  for (int k = 0; k < 10 && !right; ++k) {
    right = p.Learn(w.features.data(), w.offsets.data(), static_cast<int>(w.gold.size()), w.allowed.data(),
                    w.gold.data());
  }
  EXPECT_TRUE(right);
}

}  // namespace
}  // namespace whosaid::internal
