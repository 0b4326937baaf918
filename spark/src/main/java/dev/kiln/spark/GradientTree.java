package dev.kiln.spark;

import dev.kiln.runtime.KilnModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.api.java.function.PairFunction;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * One step under {@link Aggregation#TREE}: each partition's gradient, keyed by its index, then {@code depth}
 * levels of pairwise sums on the executors, node {@code i} of a level being node {@code 2i} plus node
 * {@code 2i + 1} of the level below, always in that order, so the sums are the same bits in every run.
 * The driver receives what the top level holds, in node order.
 */
final class GradientTree {
  private GradientTree() {}

  /** The levels that leave one node above {@code partitions} leaves: ceil(log2(partitions)). */
  static int fullDepth(int partitions) {
    int depth = 0;
    while ((1L << depth) < partitions) depth++;
    return depth;
  }

  static List<PartitionGradient> step(JavaRDD<PartitionRows> packed, Class<? extends KilnModel> modelClass,
      Broadcast<ModelState> state, StepPlan plan, StepKey key, int depth) {
    int nodes = packed.getNumPartitions();
    JavaPairRDD<Integer, PartitionGradient> level = packed.mapPartitionsToPair(
        new Leaves(modelClass, state, plan, key));
    for (int d = 0; d < Math.min(depth, fullDepth(nodes)); d++) {
      nodes = (nodes + 1) / 2;
      // Keys 0..nodes-1 over nodes partitions: the hash partitioner gives each node a partition of its own.
      level = level.mapToPair(new ToParent()).partitionBy(new HashPartitioner(nodes)).mapPartitionsToPair(new AddChildren());
    }
    List<Tuple2<Integer, PartitionGradient>> top = new ArrayList<>(level.collect());
    top.sort(Comparator.comparing(Tuple2::_1));
    List<PartitionGradient> gradients = new ArrayList<>();
    for (Tuple2<Integer, PartitionGradient> node : top) gradients.add(node._2);
    return gradients;
  }

  /** A partition's gradient for the step, keyed by the partition's index. */
  private static final class Leaves implements PairFlatMapFunction<Iterator<PartitionRows>, Integer, PartitionGradient> {
    private static final long serialVersionUID = 1L;
    private final Class<? extends KilnModel> modelClass;
    private final Broadcast<ModelState> state;
    private final StepPlan plan;
    private final StepKey key;

    Leaves(Class<? extends KilnModel> modelClass, Broadcast<ModelState> state, StepPlan plan, StepKey key) {
      this.modelClass = modelClass;
      this.state = state;
      this.plan = plan;
      this.key = key;
    }

    @Override
    public Iterator<Tuple2<Integer, PartitionGradient>> call(Iterator<PartitionRows> partition) {
      PartitionRows rows = partition.next();
      return List.of(new Tuple2<>(rows.partition, GradientWorker.step(rows, modelClass, state, plan, key))).iterator();
    }
  }

  /** Node i goes to its parent i / 2, remembering whether it is the left (even) or right child. */
  private static final class ToParent
      implements PairFunction<Tuple2<Integer, PartitionGradient>, Integer, Tuple2<Integer, PartitionGradient>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Tuple2<Integer, Tuple2<Integer, PartitionGradient>> call(Tuple2<Integer, PartitionGradient> node) {
      return new Tuple2<>(node._1 / 2, node);
    }
  }

  /** A parent: its children, which arrive in any order, added left then right. */
  private static final class AddChildren implements
      PairFlatMapFunction<Iterator<Tuple2<Integer, Tuple2<Integer, PartitionGradient>>>, Integer, PartitionGradient> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Tuple2<Integer, PartitionGradient>> call(
        Iterator<Tuple2<Integer, Tuple2<Integer, PartitionGradient>>> children) {
      List<Tuple2<Integer, PartitionGradient>> nodes = new ArrayList<>();
      Integer parent = null;
      while (children.hasNext()) {
        Tuple2<Integer, Tuple2<Integer, PartitionGradient>> child = children.next();
        parent = child._1;
        nodes.add(child._2);
      }
      if (parent == null) return List.<Tuple2<Integer, PartitionGradient>>of().iterator();
      nodes.sort(Comparator.comparing(Tuple2::_1));
      PartitionGradient sum = nodes.get(0)._2;
      for (int i = 1; i < nodes.size(); i++) sum = PartitionGradient.sum(sum, nodes.get(i)._2);
      return List.of(new Tuple2<>(parent, sum)).iterator();
    }
  }
}
