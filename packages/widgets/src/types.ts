/**
 * The view of a machine the widgets render: a structural subset of the SDK's `Machine`, so any
 * object with these fields works (SDK search results, your own backend's JSON).
 */
export interface MachineView {
  id: string;
  gpu: { model: string; count: number; freeCount: number; memoryGb: number };
  cpu: { model?: string; cores: number };
  ramGb: number;
  location: { city?: string | null; country?: string | null };
  status: 'available' | 'rented' | 'offline' | 'verifying';
  zones?: string[];
  stability?: { highStability: boolean; reliability: number };
  price: { usdPerGpuHour: number; dbcPerGpuHour?: number };
}
