package dev.kiln.processor.writing;

import com.palantir.javapoet.TypeName;
import dev.kiln.processor.model.ArraySlot;

/**
 * How generated code names each array of the model: the trainable parameters, which the optimizer
 * sees, and the buffers (F32 and I64), which it does not.
 *
 * @param field the model's field
 * @param count the constant holding its length
 * @param element its element type
 * @param addMethod the {@code StateDict.Builder} method that places a tensor in it
 * @param phrase how javadoc names it
 */
record ModelArrays(String field, String count, TypeName element, String addMethod, String phrase) {
  static ModelArrays of(ArraySlot slot) {
    return switch (slot) {
      case PARAMETERS -> new ModelArrays("parameters", "PARAMETER_COUNT", TypeName.FLOAT, "add", "the parameters");
      case BUFFERS -> new ModelArrays("buffers", "BUFFER_COUNT", TypeName.FLOAT, "addBuffer", "the buffers");
      case LONG_BUFFERS -> new ModelArrays("longBuffers", "LONG_BUFFER_COUNT", TypeName.LONG, "addLongBuffer",
          "the I64 buffers");
    };
  }
}
