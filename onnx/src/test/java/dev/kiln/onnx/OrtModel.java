package dev.kiln.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** An ONNX file loaded into ONNX Runtime Java, run on row-major batches as a Kiln model is. */
final class OrtModel implements AutoCloseable {
  private static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final int[] exampleShape;

  OrtModel(byte[] onnx, int[] exampleShape, int threads) throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      this.session = ENVIRONMENT.createSession(onnx, options);
    }
    this.exampleShape = exampleShape.clone();
  }

  /** Every output of the graph for {@code rows} examples of {@code x}, by name. */
  Map<String, float[]> run(float[] x, int rows) throws OrtException {
    try (OnnxTensor input = OnnxTensor.createTensor(ENVIRONMENT, FloatBuffer.wrap(x), shape(rows))) {
      return run(input);
    }
  }

  /** Every output of the graph for {@code rows} rows of token ids, fed as int64, by name. */
  Map<String, float[]> run(int[] tokens, int rows) throws OrtException {
    long[] ids = new long[tokens.length];
    for (int i = 0; i < ids.length; i++) ids[i] = tokens[i];
    try (OnnxTensor input = OnnxTensor.createTensor(ENVIRONMENT, LongBuffer.wrap(ids), shape(rows))) {
      return run(input);
    }
  }

  private long[] shape(int rows) {
    long[] shape = new long[exampleShape.length + 1];
    shape[0] = rows;
    for (int i = 0; i < exampleShape.length; i++) shape[i + 1] = exampleShape[i];
    return shape;
  }

  private Map<String, float[]> run(OnnxTensor input) throws OrtException {
    Map<String, float[]> outputs = new LinkedHashMap<>();
    try (OrtSession.Result result = session.run(Map.of("input", input))) {
      for (Map.Entry<String, OnnxValue> output : result) {
        FloatBuffer values = ((OnnxTensor) output.getValue()).getFloatBuffer();
        float[] copy = new float[values.remaining()];
        values.get(copy);
        outputs.put(output.getKey(), copy);
      }
    }
    return outputs;
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
