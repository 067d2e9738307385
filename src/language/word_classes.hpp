// Classes of words learned from distributional vectors (GloVe, by
// tools/word_clusters.py; data/model/word-clusters.tsv, built into the
// binary): a hierarchy of 1024, 128 and 16 classes of the 150,000 most
// frequent plain words. Words the treebanks have rarely or never seen
// ("Gloria", "bondholders") share a class with words they have seen.
#pragma once

#include <cstdint>
#include <string_view>

namespace claimtrail::language {

struct WordClass {
  std::uint16_t fine = 0, middle = 0, coarse = 0;  // 0: an unknown word; else class + 1
};

// The classes of a lower-cased word (normalised as normalise_word does);
// {} when the table does not have it.
WordClass word_class(std::string_view lower);

// The classes of a word as written (normalised and lower-cased here). Each
// thread remembers the answers in a small direct-mapped table: the entity
// typer asks of the same words again and again, and only it asks.
WordClass word_class_of(std::string_view word);

}  // namespace claimtrail::language
