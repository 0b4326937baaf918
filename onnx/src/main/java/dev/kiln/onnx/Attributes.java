package dev.kiln.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;

/** ONNX node attributes, as the exporters write them. */
final class Attributes {
  private Attributes() {}

  static AttributeProto of(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
  }

  static AttributeProto of(String name, float value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(value).build();
  }

  static AttributeProto ints(String name, long... values) {
    AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
    for (long value : values) attribute.addInts(value);
    return attribute.build();
  }

  /** A square window's attribute: {@code [k, k]}. */
  static AttributeProto square(String name, int value) {
    return ints(name, value, value);
  }

  /** The same padding on every side of both spatial axes: {@code [top, left, bottom, right]}. */
  static AttributeProto pads(int padding) {
    return ints("pads", padding, padding, padding, padding);
  }
}
