# whosaid: the two commands are `make demo` and `make test`.
BUILD ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
# Sanitizer and fuzz builds live beside the normal one.
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
FUZZ_CXX ?= clang++-14

.PHONY: all deps configure build demo test clean bench model test-sanitize fuzz fuzz-build valgrind

all: build

deps:
	@scripts/deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

configure: $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)

demo: deps build
	@scripts/demo.sh $(BUILD)/whosaid

test: deps build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole test suite under AddressSanitizer and UBSan (WHOSAID_SANITIZE).
test-sanitize: deps
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWHOSAID_SANITIZE=ON \
	  -DWHOSAID_BUILD_BENCH=OFF $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

# The CLI on the shared seed article under valgrind: no invalid access, no
# uninitialised read, no leak (exit 1 on any).
SEED_ARTICLE ?= ../shared/seed/000_8ca073ea50cc3907.txt
valgrind: deps build
	valgrind --error-exitcode=1 --leak-check=full --show-leak-kinds=definite,indirect,possible \
	  --errors-for-leak-kinds=definite,indirect,possible --track-origins=yes -q \
	  $(BUILD)/whosaid extract --threads 2 $(SEED_ARTICLE) > /dev/null

fuzz-build: deps build
	cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=$(FUZZ_CXX) \
	  -DWHOSAID_FUZZ=ON -DWHOSAID_BUILD_TESTS=OFF -DWHOSAID_BUILD_BENCH=OFF
	cmake --build $(FUZZ_BUILD) -j $(JOBS)
	fuzz/make_seeds.sh $(BUILD)/whosaid $(FUZZ_BUILD)/fuzz-seeds

# Each libFuzzer target for FUZZ_SECONDS on seeds made from our fixtures.
fuzz: fuzz-build
	fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_BUILD)/fuzz-seeds $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Retrains the cue model on PolNeAR train (deterministic) and rewrites the
# shipped weights, then rebuilds so the binary embeds them; then the span
# tagger, whose threshold is tuned with the new cue model in the engine;
# last the content start model, trained on what both give.
POLNEAR_TRAIN ?= ../shared/corpora/polnear/train
model: build
	$(BUILD)/whosaid train-cues $(POLNEAR_TRAIN) --out data/model/cue_model.bin
	cmake --build $(BUILD) -j $(JOBS)
	$(BUILD)/whosaid train-spans $(POLNEAR_TRAIN) --out data/model/span_tagger.bin
	cmake --build $(BUILD) -j $(JOBS)
	$(BUILD)/whosaid train-starts $(POLNEAR_TRAIN) --out data/model/content_start.bin
	cmake --build $(BUILD) -j $(JOBS)

bench: deps build
	@bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
