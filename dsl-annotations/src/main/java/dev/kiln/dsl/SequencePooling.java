package dev.kiln.dsl;

/** How {@code @SequencePool} turns a sequence into one vector. */
public enum SequencePooling {
  /** The first position: a [CLS] token's. */
  FIRST,
  /** The mean over the positions that are not padding. */
  MEAN,
  /** The maximum of each value over the positions that are not padding. */
  MAX
}
