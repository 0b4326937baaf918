package dev.kiln.processor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;

/** Turns a declared network that passed validation into a {@link Network} with every size and option resolved. */
public final class NetworkResolver {
  private final Elements elements;

  public NetworkResolver(Elements elements) {
    this.elements = elements;
  }

  public Network resolve(DeclaredNetwork declared) {
    List<NetworkLayer> layers = new ArrayList<>();
    int previousOut = 0;
    for (DeclaredLayer layer : declared.layers()) {
      Optional<ActivationSpec> activation = layer.activation().map(NetworkResolver::activation);
      Optional<Float> dropout = layer.dropout().map(DeclaredDropout::probability);
      if (layer.linear().isPresent()) {
        DeclaredLinear linear = layer.linear().get();
        int in = linear.inSize().orElse(previousOut);
        int out = linear.outSize();
        layers.add(new NetworkLayer(layer.name(), true, in, out, linear.bias(), activation, dropout));
        previousOut = out;
      } else {
        layers.add(new NetworkLayer(layer.name(), false, previousOut, previousOut, false, activation, dropout));
      }
    }
    PackageElement pkg = elements.getPackageOf(declared.type());
    return new Network(declared.type(), pkg.getQualifiedName().toString(), declared.simpleName(), layers,
        loss(declared.loss().orElseThrow()));
  }

  private static ActivationSpec activation(DeclaredActivation declared) {
    Map<String, Object> options = new LinkedHashMap<>();
    declared.values().forEach((name, value) -> options.put(name, plain(value)));
    return new ActivationSpec(declared.kind(), options);
  }

  private static LossSpec loss(DeclaredLoss declared) {
    Map<String, AnnotationValue> v = declared.values();
    return new LossSpec(declared.kind(), declared.reduction(), floats(v.get("weight")),
        (Integer) v.get("ignoreIndex").getValue(), floatValue(v.get("labelSmoothing")), floats(v.get("posWeight")),
        floatValue(v.get("beta")), floatValue(v.get("delta")), floatValue(v.get("alpha")),
        floatValue(v.get("gamma")), (Boolean) v.get("logTarget").getValue(), declared.explicit().keySet());
  }

  /** An annotation value as a plain Java value: numbers and booleans as they are, enum constants by name. */
  private static Object plain(AnnotationValue value) {
    Object v = value.getValue();
    return v instanceof Element e ? e.getSimpleName().toString() : v;
  }

  static float floatValue(AnnotationValue value) {
    return ((Number) value.getValue()).floatValue();
  }

  static float[] floats(AnnotationValue value) {
    List<?> items = (List<?>) value.getValue();
    float[] floats = new float[items.size()];
    for (int i = 0; i < floats.length; i++) floats[i] = floatValue((AnnotationValue) items.get(i));
    return floats;
  }
}
