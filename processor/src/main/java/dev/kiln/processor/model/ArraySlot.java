package dev.kiln.processor.model;

/**
 * The array of the generated model a tensor lives in: trainable parameters, which the optimizer sees,
 * apart from buffers, and I64 buffers in an array of their own.
 */
public enum ArraySlot {
  PARAMETERS, BUFFERS, LONG_BUFFERS;

  public static ArraySlot of(TensorDecl tensor) {
    if (tensor.role() == TensorDecl.Role.TRAINABLE) return PARAMETERS;
    return tensor.dtype() == TensorDecl.DType.I64 ? LONG_BUFFERS : BUFFERS;
  }
}
