package dev.kiln.processor.model;

import java.util.List;

/**
 * A tensor a kind owns, as PyTorch's state dict holds it.
 *
 * @param name the name within the kind's module: {@code weight}, {@code running_mean}
 * @param constant the suffix of its offset constant in generated code: {@code WEIGHT}
 * @param dims its shape, each size with the constant generated code names it by
 * @param init how {@code create(seed)} fills it
 * @param role whether the optimizer trains it, or it is a buffer
 * @param note what it is, for the generated javadoc, or empty
 */
public record TensorDecl(String name, String constant, List<Dim> dims, Init init, Role role, DType dtype,
    String note) {

  public TensorDecl {
    dims = List.copyOf(dims);
  }

  /** A trainable F32 tensor. */
  public static TensorDecl trainable(String name, String constant, Init init, Dim... dims) {
    return new TensorDecl(name, constant, List.of(dims), init, Role.TRAINABLE, DType.F32, "");
  }

  /** A buffer: state the optimizer never sees, such as a norm's running statistics. */
  public static TensorDecl buffer(String name, String constant, DType dtype, Init init, Dim... dims) {
    return new TensorDecl(name, constant, List.of(dims), init, Role.BUFFER, dtype, "");
  }

  public TensorDecl withNote(String text) {
    return new TensorDecl(name, constant, dims, init, role, dtype, text);
  }

  /** The number of values, exact; {@link Long#MAX_VALUE} when it does not fit a long. */
  public long size() {
    long size = 1;
    for (Dim dim : dims) size = Shape.product(size, dim.size());
    return size;
  }

  /** The shape as the generated javadoc shows it: {@code [10 x 2]}. */
  public String shapeText() {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < dims.size(); i++) text.append(i == 0 ? "" : " x ").append(dims.get(i).size());
    return text.append("]").toString();
  }

  /** One dimension: its size, and the suffix of the member constant that holds it ({@code OUT}, {@code IN}). */
  public record Dim(String constant, long size) {}

  /** Whether the optimizer sees the tensor. */
  public enum Role { TRAINABLE, BUFFER }

  /** The tensor's element type in the state dict. */
  public enum DType { F32, I64 }

  /** How a new model fills the tensor: PyTorch's default for its module. */
  public record Init(Kind kind, double value, List<Dim> fanIn) {
    public enum Kind { UNIFORM_FAN_IN, CONSTANT, NORMAL, XAVIER_UNIFORM }

    public Init {
      fanIn = List.copyOf(fanIn);
    }

    /** Uniform in ±1/√fanIn, fanIn the product of {@code fanIn}: PyTorch's default for Linear and Conv. */
    public static Init uniformFanIn(Dim... fanIn) {
      return new Init(Kind.UNIFORM_FAN_IN, 0, List.of(fanIn));
    }

    /**
     * N(0, 1), {@code nn.Embedding}'s default; {@code zeroRow} ≥ 0 is a row of {@code rowWidth} values left
     * at 0 (the padding row).
     */
    public static Init normal(int zeroRow, Dim rowWidth) {
      return new Init(Kind.NORMAL, zeroRow, List.of(rowWidth));
    }

    /** Uniform in ±√(6 / (fanIn + fanOut)), {@code xavier_uniform_}: {@code nn.MultiheadAttention}'s projection. */
    public static Init xavierUniform(Dim fanOut, Dim fanIn) {
      return new Init(Kind.XAVIER_UNIFORM, 0, List.of(fanOut, fanIn));
    }

    public static Init constant(double value) {
      return new Init(Kind.CONSTANT, value, List.of());
    }
  }
}
