package dev.kiln.processor.model;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;

/** Turns a declared network that passed validation into a {@link Network} with every size resolved. */
public final class NetworkResolver {
  private final Elements elements;

  public NetworkResolver(Elements elements) {
    this.elements = elements;
  }

  public Network resolve(DeclaredNetwork declared) {
    List<NetworkLayer> layers = new ArrayList<>();
    int previousOut = 0;
    for (DeclaredLayer layer : declared.layers()) {
      var activation = layer.activation().map(DeclaredActivation::kind);
      if (layer.linear().isPresent()) {
        DeclaredLinear linear = layer.linear().get();
        int in = linear.inSize().orElse(previousOut);
        int out = linear.outSize();
        layers.add(new NetworkLayer(layer.name(), true, in, out, linear.bias(), activation));
        previousOut = out;
      } else {
        layers.add(new NetworkLayer(layer.name(), false, previousOut, previousOut, false, activation));
      }
    }
    PackageElement pkg = elements.getPackageOf(declared.type());
    DeclaredLoss loss = declared.loss().orElseThrow();
    return new Network(declared.type(), pkg.getQualifiedName().toString(), declared.simpleName(), layers,
        loss.kind(), loss.reduction());
  }
}
