// Tests for the content start model: the binary format and its errors, the
// candidate starts, the margin, and deterministic training on hand-written
// sentences.
#include "src/model/content_start_model.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/attribution/tokenizer.h"

namespace whosaid::internal {
namespace {

void SetU32(std::string* s, size_t at, uint32_t v) {
  for (int k = 0; k < 4; ++k) (*s)[at + k] = static_cast<char>((v >> (8 * k)) & 0xFF);
}

ContentStartModel SmallModel() {
  ContentStartModel m(4);
  m.mutable_weights()[3] = 1.5f;
  m.mutable_weights()[9] = -0.25f;
  m.set_margin(0.5f);
  return m;
}

TEST(ContentStartModel, SerializeParseRoundTrip) {
  ContentStartModel m = SmallModel();
  std::string bytes = m.Serialize();
  EXPECT_EQ(bytes.size(), 24u + 2 * 8);
  StatusOr<ContentStartModel> back = ContentStartModel::Parse(bytes);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->hash_bits(), 4);
  EXPECT_FLOAT_EQ(back->margin(), 0.5f);
  EXPECT_EQ(back->weights(), m.weights());
  EXPECT_EQ(back->NonZero(), 2u);
  EXPECT_EQ(back->Serialize(), bytes);
}

TEST(ContentStartModel, ParseRejectsBadInputWithOffset) {
  const std::string good = SmallModel().Serialize();
  struct Case {
    std::string bytes;
    const char* offset;
    const char* why;
  };
  std::vector<Case> cases;
  cases.push_back({good.substr(0, 10), "byte 10:", "truncated"});
  std::string b = good;
  b[1] = 'X';
  cases.push_back({b, "byte 0:", "magic"});
  b = good;
  SetU32(&b, 4, 7);
  cases.push_back({b, "byte 4:", "version 7"});
  b = good;
  SetU32(&b, 8, 0);
  cases.push_back({b, "byte 8:", "hash bits 0"});
  b = good;
  SetU32(&b, 12, kMaxStartShift + 1);
  cases.push_back({b, "byte 12:", "max shift"});
  cases.push_back({good + std::string(3, '\0'), "byte 20:", "count"});
  b = good;
  SetU32(&b, 32, 1);  // The second index now comes before the first.
  cases.push_back({b, "byte 32:", "order"});
  b = good;
  SetU32(&b, 32, 16);  // One past the table.
  cases.push_back({b, "byte 32:", "out of range"});
  for (const Case& c : cases) {
    StatusOr<ContentStartModel> m = ContentStartModel::Parse(c.bytes);
    ASSERT_FALSE(m.ok()) << c.why;
    EXPECT_NE(m.status().message().find(c.offset), std::string::npos) << m.status().message();
    EXPECT_NE(m.status().message().find(c.why), std::string::npos) << m.status().message();
  }
}

TEST(StartShifts, WordsAndOpeningQuotesWithinTheLimits) {
  // Tokens: She(0) voiced(1) concern(2) about(3) ,(4) “(5) the(6) cost(7) ”(8) .(9)
  TokenizedText t("She voiced concern about, “the cost”.");
  StartStatement s{1, 3, 3, 9, true};
  EXPECT_TRUE(HasStartCandidates(s));
  // The comma cannot start content; the last token must stay.
  EXPECT_EQ(StartShifts(t, s), (std::vector<int>{0, 2, 3, 4}));
  s.max_shift = 2;
  EXPECT_EQ(StartShifts(t, s), (std::vector<int>{0, 2}));
  // A cue after its content, or a one-token content, has no candidates.
  StartStatement after{7, 8, 0, 5};
  EXPECT_FALSE(HasStartCandidates(after));
  EXPECT_EQ(StartShifts(t, after), std::vector<int>{0});
  StartStatement one{1, 2, 2, 3};
  EXPECT_FALSE(HasStartCandidates(one));
}

TEST(StartFeatures, AreBoundedAndDifferPerCandidate) {
  TokenizedText t("Officials voiced concern about the very high cost of the new rules.");
  StartStatement s{1, 2, 2, 13};
  uint32_t a[kMaxStartFeatures], b[kMaxStartFeatures];
  int na = StartFeatures(t, s, 0, a);
  int nb = StartFeatures(t, s, kMaxStartShift, b);
  EXPECT_LE(na, kMaxStartFeatures);
  EXPECT_EQ(nb, 13 + kMaxStartShift);
  EXPECT_LE(nb, kMaxStartFeatures);
  EXPECT_NE(std::vector<uint32_t>(a, a + na), std::vector<uint32_t>(b, b + na));
  uint32_t again[kMaxStartFeatures];
  ASSERT_EQ(StartFeatures(t, s, 0, again), na);
  EXPECT_EQ(std::vector<uint32_t>(a, a + na), std::vector<uint32_t>(again, again + na));
}

// Hand-written statements whose content starts after "about" when the cue
// is "concern", and right after the cue otherwise.
struct Sample {
  const char* text;
  StartStatement s;
  int gold;  // Index into StartShifts.
};

std::vector<Sample> Samples() {
  return {
      // They(0) voiced(1) concern(2) about(3) the(4) cost(5) .(6)
      {"They voiced concern about the cost.", {2, 3, 3, 6}, 1},
      {"Mayors voiced concern about rising rents.", {2, 3, 3, 6}, 1},
      {"Nurses voiced concern about staffing levels.", {2, 3, 3, 6}, 1},
      // They(0) said(1) about(2) half(3) left(4) .(5)
      {"They said about half left.", {1, 2, 2, 5}, 0},
      {"Officials said about ten people died.", {1, 2, 2, 6}, 0},
      {"Aides said the talks failed.", {1, 2, 2, 5}, 0},
  };
}

std::string TrainedBytes() {
  ContentStartPerceptron p(10);
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (const Sample& x : Samples()) {
      TokenizedText t(x.text);
      std::vector<uint32_t> features;
      std::vector<int> offsets;
      CandidateFeatures(t, x.s, StartShifts(t, x.s), &features, &offsets);
      p.Learn(features.data(), offsets.data(), static_cast<int>(offsets.size()) - 1, x.gold);
    }
  }
  return p.Averaged().Serialize();
}

TEST(ContentStartPerceptron, LearnsWhereContentStartsAndIsDeterministic) {
  std::string bytes = TrainedBytes();
  EXPECT_EQ(bytes, TrainedBytes());
  StatusOr<ContentStartModel> m = ContentStartModel::Parse(bytes);
  ASSERT_TRUE(m.ok());
  for (const Sample& x : Samples()) {
    TokenizedText t(x.text);
    EXPECT_EQ(BestStartShift(*m, t, x.s), StartShifts(t, x.s)[x.gold]) << x.text;
  }
  // Unseen words after the same cue.
  TokenizedText t("Parents voiced concern about school closures.");
  EXPECT_EQ(BestStartShift(*m, t, {2, 3, 3, 7}), 1);
  // A margin above every lead keeps every start.
  ContentStartModel sure = *m;
  sure.set_margin(1e6f);
  EXPECT_EQ(BestStartShift(sure, t, {2, 3, 3, 7}), 0);
  // An all-zero model keeps every start.
  EXPECT_EQ(BestStartShift(ContentStartModel(4), t, {2, 3, 3, 7}), 0);
}

}  // namespace
}  // namespace whosaid::internal
