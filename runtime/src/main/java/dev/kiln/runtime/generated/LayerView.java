package dev.kiln.runtime.generated;

import dev.kiln.runtime.Layer;
import dev.kiln.runtime.graph.Operation;
import dev.kiln.runtime.io.StateDict;
import dev.kiln.runtime.io.TensorSpec;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link Layer} of any kind: its tensors are the state dict's entries under its name, read from the
 * model's parameters or, for buffers, from its buffer arrays.
 */
public final class LayerView implements Layer {
  private final String name;
  private final String description;
  private final int[] inputShape;
  private final int[] outputShape;
  private final List<Operation> operations;
  private final List<TensorSpec> tensors;
  private final float[] parameters;
  private final float[] buffers;
  private final long[] longBuffers;

  /** The view of a layer of a model without buffers. */
  public LayerView(String name, String description, int[] inputShape, int[] outputShape,
      List<Operation> operations, StateDict stateDict, float[] parameters) {
    this(name, description, inputShape, outputShape, operations, stateDict, parameters, new float[0], new long[0]);
  }

  public LayerView(String name, String description, int[] inputShape, int[] outputShape,
      List<Operation> operations, StateDict stateDict, float[] parameters, float[] buffers, long[] longBuffers) {
    this.name = name;
    this.operations = List.copyOf(operations);
    this.description = description;
    this.inputShape = inputShape.clone();
    this.outputShape = outputShape.clone();
    this.tensors = stateDict.tensors().stream().filter(t -> t.name().startsWith(name + "."))
        .collect(Collectors.toUnmodifiableList());
    this.parameters = parameters;
    this.buffers = buffers;
    this.longBuffers = longBuffers;
  }

  @Override public String name() { return name; }
  @Override public String description() { return description; }
  @Override public int[] inputShape() { return inputShape.clone(); }
  @Override public int[] outputShape() { return outputShape.clone(); }
  @Override public List<Operation> operations() { return operations; }
  @Override public List<TensorSpec> tensors() { return tensors; }

  @Override
  public boolean hasTensor(String tensor) {
    return find(tensor) != null;
  }

  @Override
  public float[] tensor(String tensor) {
    TensorSpec spec = require(tensor);
    if (spec.dtype() == TensorSpec.DType.I64) {
      throw new IllegalArgumentException(spec.name() + " holds I64 values; read it with longTensor");
    }
    float[] values = spec.trainable() ? parameters : buffers;
    return Arrays.copyOfRange(values, spec.offset(), spec.offset() + spec.size());
  }

  @Override
  public long[] longTensor(String tensor) {
    TensorSpec spec = require(tensor);
    if (spec.dtype() != TensorSpec.DType.I64) {
      throw new IllegalArgumentException(spec.name() + " holds " + spec.dtype() + " values; read it with tensor");
    }
    return Arrays.copyOfRange(longBuffers, spec.offset(), spec.offset() + spec.size());
  }

  private TensorSpec require(String tensor) {
    TensorSpec spec = find(tensor);
    if (spec == null) {
      throw new IllegalArgumentException(name + " has no tensor " + tensor + "; it has "
          + tensors.stream().map(TensorSpec::name).collect(Collectors.toList()));
    }
    return spec;
  }

  private TensorSpec find(String tensor) {
    String full = tensor.startsWith(name + ".") ? tensor : name + "." + tensor;
    return tensors.stream().filter(t -> t.name().equals(full)).findFirst().orElse(null);
  }

  @Override
  public String toString() {
    return name + ": " + description;
  }
}
