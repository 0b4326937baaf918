package dev.kiln.spark;

/** How {@link KilnSpark#fit} adds the partitions' gradients of a step: both in a fixed order, so runs repeat bit for bit. */
public enum Aggregation {
  /**
   * Every partition's gradient travels to the driver, which adds them in partition order: the driver's link
   * carries one gradient per partition per step.
   */
  ORDERED,
  /**
   * The executors add the gradients pairwise in a fixed binary tree over the partition indices (partition
   * {@code 2i} plus {@code 2i + 1}, then those sums pairwise, ...), one shuffle per level, so the driver
   * receives one gradient per step whatever the number of partitions; {@link SparkFitOptions#treeDepth}
   * stops the tree earlier, and the driver then adds what is left in index order.
   */
  TREE
}
