package dev.kiln.runtime;

/**
 * One declared layer of a Kiln model, as the generated model exposes it through the interface's layer
 * methods. Weight and bias are copies: the model's parameters live in one contiguous array.
 */
public interface Layer {
  /** The method name the layer was declared with; the prefix of its state-dict entries. */
  String name();

  /** Input features. */
  int in();

  /** Output features. */
  int out();

  /** Whether the layer has a bias. */
  boolean hasBias();

  /** A copy of the weight, row-major [out x in] as PyTorch stores it. */
  float[] weight();

  /** A copy of the bias [out]; empty when the layer has none. */
  float[] bias();
}
