package dev.kiln.spark;

import java.io.Serializable;

/**
 * Which step a job runs: {@code step} of {@code epoch} (both from 1), {@code globalStep} counting every step
 * before it, and the seed of the shuffles and dropout masks.
 */
record StepKey(int epoch, int step, long globalStep, boolean shuffle, long seed) implements Serializable {
  /** The seed of partition {@code p}'s dropout masks in this step. */
  long dropoutSeed(int partition) {
    return Seeds.mix(seed, partition, globalStep);
  }
}
