package dev.kiln.runtime;

import dev.kiln.runtime.graph.Operation;
import dev.kiln.runtime.io.TensorSpec;
import java.util.List;

/**
 * One declared member of a Kiln model, whatever its kind, as the generated model exposes it through
 * the interface's layer methods: its shapes and its tensors by name. Tensor values are copies: the
 * model's parameters live in one contiguous array.
 */
public interface Layer {
  /** The method name the layer was declared with; the prefix of its state-dict entries. */
  String name();

  /** What the layer computes, as the generated code's comments say it: {@code Linear(2 -> 10) + ReLU}. */
  String description();

  /** The shape of one example it reads: {@code [features]} or {@code [channels, height, width]}. */
  int[] inputShape();

  /** The shape of one example it writes. */
  int[] outputShape();

  /**
   * What it computes, step by step in the order the steps act ({@code Linear(2 -> 10) + ReLU}: the
   * product, then the ReLU), each naming its tensors: what exporters translate.
   */
  List<Operation> operations();

  /** Its tensors in the model's state dict, with their full names ({@code hidden.weight}), in order. */
  List<TensorSpec> tensors();

  /**
   * A copy of the tensor {@code name}, given in full ({@code hidden.weight}) or within the layer
   * ({@code weight}).
   *
   * @throws IllegalArgumentException if the layer has no such tensor
   */
  float[] tensor(String name);

  /**
   * A copy of the I64 tensor {@code name}, such as a norm's {@code num_batches_tracked}.
   *
   * @throws IllegalArgumentException if the layer has no such tensor, or it is not I64
   */
  long[] longTensor(String name);

  /** Whether the layer has a tensor {@code name}, given in full or within the layer. */
  boolean hasTensor(String name);

  /** Input values per example. */
  default int in() {
    return size(inputShape());
  }

  /** Output values per example. */
  default int out() {
    return size(outputShape());
  }

  /** Whether the layer has a bias. */
  default boolean hasBias() {
    return hasTensor("bias");
  }

  /** A copy of the weight, as PyTorch stores it ([out x in] for a Linear); empty when the layer has none. */
  default float[] weight() {
    return hasTensor("weight") ? tensor("weight") : new float[0];
  }

  /** A copy of the bias [out]; empty when the layer has none. */
  default float[] bias() {
    return hasBias() ? tensor("bias") : new float[0];
  }

  private static int size(int[] shape) {
    int size = 1;
    for (int d : shape) size = Math.multiplyExact(size, d);
    return size;
  }
}
