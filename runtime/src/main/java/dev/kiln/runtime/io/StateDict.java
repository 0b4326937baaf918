package dev.kiln.runtime.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layout of a model's parameter array as a PyTorch state dict: which named tensor lives where.
 * Saves to and loads from safetensors files that PyTorch reads and writes with the same names.
 */
public final class StateDict {
  private final List<TensorSpec> tensors;
  private final int parameterCount;

  private StateDict(List<TensorSpec> tensors) {
    this.tensors = List.copyOf(tensors);
    this.parameterCount = tensors.stream().mapToInt(t -> t.offset() + t.size()).max().orElse(0);
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

  /**
   * Writes {@code params} to {@code path} as safetensors (F32, little-endian). The bytes go to a
   * temporary file beside it, which then replaces {@code path}: an interrupted save leaves the old file.
   */
  public void save(Path path, float[] params) throws IOException {
    checkLength(params);
    byte[] bytes = SafetensorsFile.encode(tensors, params);
    AtomicFiles.replace(path, ".tmp", temp -> Files.write(temp, bytes));
  }

  /**
   * Reads the safetensors file at {@code path} into {@code params}. The file must hold exactly this
   * layout's tensors, as F32 with these shapes; anything else is an {@link IOException} that names it.
   * {@code params} is only written once the whole file has been checked.
   */
  public void load(Path path, float[] params) throws IOException {
    checkLength(params);
    byte[] bytes = Files.readAllBytes(path);
    String source = path.toString();
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
      if (!entry.dtype().equals("F32")) {
        throw new IOException(source + ": tensor " + spec.name() + " has dtype " + entry.dtype()
            + "; expected F32");
      }
      if (!Arrays.equals(entry.shape(), Arrays.stream(spec.shape()).asLongStream().toArray())) {
        throw new IOException(source + ": tensor " + spec.name() + " has shape " + Arrays.toString(entry.shape())
            + "; expected " + spec.shapeText());
      }
    }
    float[] staged = new float[params.length];
    for (TensorSpec spec : tensors) {
      SafetensorsEntry entry = entries.get(spec.name());
      ByteBuffer data = ByteBuffer.wrap(bytes, (int) entry.begin(), (int) (entry.end() - entry.begin()))
          .order(ByteOrder.LITTLE_ENDIAN);
      data.asFloatBuffer().get(staged, spec.offset(), spec.size());
    }
    System.arraycopy(staged, 0, params, 0, params.length);
  }

  private void checkLength(float[] params) {
    if (params.length != parameterCount) {
      throw new IllegalArgumentException("the parameter array has " + params.length
          + " values; expected " + parameterCount + " for " + tensors);
    }
  }

  /** Adds tensors in state-dict order; each starts where the previous one ended. */
  public static final class Builder {
    private final List<TensorSpec> tensors = new ArrayList<>();
    private int next;

    private Builder() {}

    public Builder add(String name, int... shape) {
      TensorSpec spec = new TensorSpec(name, shape, next);
      tensors.add(spec);
      next += spec.size();
      return this;
    }

    public StateDict build() {
      return new StateDict(tensors);
    }
  }
}
