/** A qcow2 image in a node's `/data` (or on an image server). */
export interface NodeImage {
  image_name: string;
  /** Human size as `scale_size` prints it, e.g. "28.5G". */
  image_size: string;
}

/** Images every devnet machine has in `/data` unless `startClientNode({ images })` says otherwise. */
export const DEFAULT_IMAGES: readonly NodeImage[] = [
  { image_name: 'ubuntu-2204-cuda12.2-pytorch2.1.qcow2', image_size: '31.2G' },
  { image_name: 'ubuntu-2004-cuda11.8-tensorflow2.13.qcow2', image_size: '27.6G' },
  { image_name: 'ubuntu-2004-cuda11.2-mxnet1.9.qcow2', image_size: '24.8G' },
  { image_name: 'ubuntu-2204-cuda12.1-jupyterlab.qcow2', image_size: '22.4G' },
  { image_name: 'ubuntu-2204-cuda12.2.qcow2', image_size: '18.9G' },
  { image_name: 'windows-10-pro-22h2-nvidia.qcow2', image_size: '46.3G' },
  { image_name: 'windows-server-2019-nvidia.qcow2', image_size: '39.1G' },
];

/** Image server id the devnet knows (`image_server` config lines in core.conf). */
export const DEFAULT_IMAGE_SERVER = 'devnet';

export class ImageCatalog {
  private readonly images: NodeImage[];

  constructor(
    images: readonly NodeImage[],
    readonly servers: readonly string[],
  ) {
    this.images = images.map((image) => ({ ...image }));
  }

  has(imageName: string): boolean {
    return this.images.some((image) => image.image_name === imageName);
  }

  hasServer(server: string): boolean {
    return this.servers.includes(server);
  }

  /** Images as listed by the node info and by an image server: the correct `image_name` key. */
  list(): NodeImage[] {
    return this.images.map((image) => ({ ...image }));
  }

  /**
   * Images as a GPU node lists them for `images` with `[machineId]`: the key really is
   * `"image_name:"`, colon included (node_request_service.cpp `list_images`).
   */
  listFromNode(): { 'image_name:': string; image_size: string }[] {
    return this.images.map((image) => ({ 'image_name:': image.image_name, image_size: image.image_size }));
  }
}
