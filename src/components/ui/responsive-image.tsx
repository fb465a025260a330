import { getImageProps, type ImageProps } from "next/image";

/**
 * next/image rendered on the server as a plain <img>: the same optimizer URLs, srcset, sizes,
 * AVIF/WebP and explicit dimensions, without shipping the Image client component to readers.
 * `priority` marks the page's main image (eager, high fetch priority).
 */
export function ResponsiveImage({ priority = false, ...rest }: ImageProps & { priority?: boolean }) {
  const { props } = getImageProps({ ...rest, loading: priority ? "eager" : "lazy", fetchPriority: priority ? "high" : "auto" });
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- props (alt included) come from next/image
  return <img {...props} />;
}
