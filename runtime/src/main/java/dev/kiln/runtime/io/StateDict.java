package dev.kiln.runtime.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layout of a model's arrays as a PyTorch state dict: which named tensor lives where. Parameters,
 * which the optimizer trains, live in one float array; buffers (running statistics, counters) in a
 * float array and a long array of their own, which the optimizer never sees. Saves to and loads from
 * safetensors files that PyTorch reads and writes with the same names.
 */
public final class StateDict {
  private final List<TensorSpec> tensors;
  private final int parameterCount;
  private final int bufferCount;
  private final int longBufferCount;

  private StateDict(List<TensorSpec> tensors) {
    this.tensors = List.copyOf(tensors);
    this.parameterCount = length(tensors, true, TensorSpec.DType.F32);
    this.bufferCount = length(tensors, false, TensorSpec.DType.F32);
    this.longBufferCount = length(tensors, false, TensorSpec.DType.I64);
  }

  private static int length(List<TensorSpec> tensors, boolean trainable, TensorSpec.DType dtype) {
    return tensors.stream().filter(t -> t.trainable() == trainable && t.dtype() == dtype)
        .mapToInt(t -> t.offset() + t.size()).max().orElse(0);
  }

  /** Starts a layout; tensors are added in state-dict order. */
  public static Builder builder() {
    return new Builder();
  }

  public List<TensorSpec> tensors() {
    return tensors;
  }

  /** The length of the parameter array this layout describes. */
  public int parameterCount() {
    return parameterCount;
  }

  /** The length of its F32 buffer array. */
  public int bufferCount() {
    return bufferCount;
  }

  /** The length of its I64 buffer array. */
  public int longBufferCount() {
    return longBufferCount;
  }

  /** Writes a model without buffers; see {@link #save(Path, float[], float[], long[])}. */
  public void save(Path path, float[] params) throws IOException {
    save(path, params, new float[0], new long[0]);
  }

  /** Reads into a model without buffers; see {@link #load(Path, float[], float[], long[])}. */
  public void load(Path path, float[] params) throws IOException {
    load(path, params, new float[0], new long[0]);
  }

  /**
   * Writes {@code params} to {@code path} as safetensors (F32, little-endian). The bytes go to a
   * temporary file beside it, which then replaces {@code path}: an interrupted save leaves the old file.
   */
  public void save(Path path, float[] params, float[] buffers, long[] longBuffers) throws IOException {
    save(path, params, buffers, longBuffers, Map.of());
  }

  /** {@link #save(Path, float[], float[], long[])} with {@code metadata} in the header's {@code __metadata__}. */
  public void save(Path path, float[] params, float[] buffers, long[] longBuffers, Map<String, String> metadata)
      throws IOException {
    checkLengths(params, buffers, longBuffers);
    byte[] bytes = SafetensorsFile.encode(tensors, params, buffers, longBuffers, metadata);
    AtomicFiles.replace(path, ".tmp", temp -> Files.write(temp, bytes));
  }

  /**
   * The {@code __metadata__} of the safetensors file at {@code path}, once its header and digest have
   * been checked: an {@link IOException} naming what is wrong otherwise.
   */
  public static Map<String, String> metadata(Path path) throws IOException {
    Map<String, String> metadata = new LinkedHashMap<>();
    SafetensorsFile.parse(Files.readAllBytes(path), path.toString(), metadata);
    return metadata;
  }

  /**
   * Reads the safetensors file at {@code path} into {@code params}, {@code buffers} and
   * {@code longBuffers}. The file must hold exactly this layout's tensors, with these dtypes and shapes;
   * anything else is an {@link IOException} that names it. The arrays are only written once the whole
   * file has been checked.
   */
  public void load(Path path, float[] params, float[] buffers, long[] longBuffers) throws IOException {
    checkLengths(params, buffers, longBuffers);
    load(Files.readAllBytes(path), path.toString(), params, buffers, longBuffers);
  }

  /** {@link #load(Path, float[], float[], long[])} of a file's bytes; {@code source} names it in messages. */
  void load(byte[] bytes, String source, float[] params, float[] buffers, long[] longBuffers) throws IOException {
    Map<String, SafetensorsEntry> entries = SafetensorsFile.parse(bytes, source);

    Set<String> expected = new LinkedHashSet<>();
    tensors.forEach(t -> expected.add(t.name()));
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(entries.keySet());
    List<String> extra = new ArrayList<>(entries.keySet());
    extra.removeAll(expected);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      throw new IOException(source + ": " + (missing.isEmpty() ? "" : "missing tensors " + missing
          + (extra.isEmpty() ? "" : ", ")) + (extra.isEmpty() ? "" : "unexpected tensors " + extra)
          + "; expected exactly " + expected);
    }
    for (TensorSpec spec : tensors) {
      SafetensorsEntry entry = entries.get(spec.name());
      if (!entry.dtype().equals(spec.dtype().name())) {
        throw new IOException(source + ": tensor " + spec.name() + " has dtype " + entry.dtype()
            + "; expected " + spec.dtype());
      }
      if (!Arrays.equals(entry.shape(), Arrays.stream(spec.shape()).asLongStream().toArray())) {
        throw new IOException(source + ": tensor " + spec.name() + " has shape " + Arrays.toString(entry.shape())
            + "; expected " + spec.shapeText());
      }
    }
    float[] stagedParams = new float[params.length];
    float[] stagedBuffers = new float[buffers.length];
    long[] stagedLongs = new long[longBuffers.length];
    for (TensorSpec spec : tensors) {
      SafetensorsEntry entry = entries.get(spec.name());
      ByteBuffer data = ByteBuffer.wrap(bytes, (int) entry.begin(), (int) (entry.end() - entry.begin()))
          .order(ByteOrder.LITTLE_ENDIAN);
      if (spec.dtype() == TensorSpec.DType.I64) {
        data.asLongBuffer().get(stagedLongs, spec.offset(), spec.size());
      } else {
        data.asFloatBuffer().get(spec.trainable() ? stagedParams : stagedBuffers, spec.offset(), spec.size());
      }
    }
    System.arraycopy(stagedParams, 0, params, 0, params.length);
    System.arraycopy(stagedBuffers, 0, buffers, 0, buffers.length);
    System.arraycopy(stagedLongs, 0, longBuffers, 0, longBuffers.length);
  }

  private void checkLengths(float[] params, float[] buffers, long[] longBuffers) {
    check("parameter", params.length, parameterCount);
    check("buffer", buffers.length, bufferCount);
    check("I64 buffer", longBuffers.length, longBufferCount);
  }

  private void check(String array, int length, int expected) {
    if (length != expected) {
      throw new IllegalArgumentException("the " + array + " array has " + length + " values; expected " + expected
          + " for " + tensors);
    }
  }

  /** Adds tensors in state-dict order; each starts where the previous one of its array ended. */
  public static final class Builder {
    private final List<TensorSpec> tensors = new ArrayList<>();
    private int nextParameter;
    private int nextBuffer;
    private int nextLongBuffer;

    private Builder() {}

    /** A parameter: trainable, F32, in the parameter array. */
    public Builder add(String name, int... shape) {
      TensorSpec spec = new TensorSpec(name, shape, nextParameter);
      tensors.add(spec);
      nextParameter = Math.addExact(nextParameter, spec.size());
      return this;
    }

    /** An F32 buffer, such as a running mean: saved and loaded, never trained. */
    public Builder addBuffer(String name, int... shape) {
      TensorSpec spec = new TensorSpec(name, shape, nextBuffer, TensorSpec.DType.F32, false);
      tensors.add(spec);
      nextBuffer = Math.addExact(nextBuffer, spec.size());
      return this;
    }

    /** An I64 buffer, such as {@code num_batches_tracked}. */
    public Builder addLongBuffer(String name, int... shape) {
      TensorSpec spec = new TensorSpec(name, shape, nextLongBuffer, TensorSpec.DType.I64, false);
      tensors.add(spec);
      nextLongBuffer = Math.addExact(nextLongBuffer, spec.size());
      return this;
    }

    public StateDict build() {
      return new StateDict(tensors);
    }
  }
}
