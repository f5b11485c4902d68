import AppointmentIcon from '@mui/icons-material/EventOutlined';
import ArticleIcon from '@mui/icons-material/ArticleOutlined';
import BuildIcon from '@mui/icons-material/BuildOutlined';
import CalendarIcon from '@mui/icons-material/CalendarMonthOutlined';
import CategoryIcon from '@mui/icons-material/CategoryOutlined';
import ChatIcon from '@mui/icons-material/ChatOutlined';
import CodeIcon from '@mui/icons-material/Code';
import ConnectionIcon from '@mui/icons-material/PowerOutlined';
import DeliveryIcon from '@mui/icons-material/OutboxOutlined';
import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import DirectionsCarIcon from '@mui/icons-material/DirectionsCarOutlined';
import DrawIcon from '@mui/icons-material/DrawOutlined';
import EngineeringIcon from '@mui/icons-material/EngineeringOutlined';
import FactCheckIcon from '@mui/icons-material/FactCheckOutlined';
import HubIcon from '@mui/icons-material/HubOutlined';
import ImageIcon from '@mui/icons-material/ImageOutlined';
import InboxIcon from '@mui/icons-material/MoveToInboxOutlined';
import InventoryIcon from '@mui/icons-material/Inventory2Outlined';
import KeyIcon from '@mui/icons-material/KeyOutlined';
import ListIcon from '@mui/icons-material/ViewListOutlined';
import MailIcon from '@mui/icons-material/MailOutlined';
import MoreIcon from '@mui/icons-material/MoreHoriz';
import PaymentsIcon from '@mui/icons-material/PaymentsOutlined';
import PeopleIcon from '@mui/icons-material/PeopleOutlined';
import PersonAddIcon from '@mui/icons-material/PersonAddOutlined';
import PointOfSaleIcon from '@mui/icons-material/PointOfSaleOutlined';
import ReceiptIcon from '@mui/icons-material/ReceiptLongOutlined';
import ScheduleSendIcon from '@mui/icons-material/ScheduleSendOutlined';
import SettingsIcon from '@mui/icons-material/SettingsOutlined';
import StorefrontIcon from '@mui/icons-material/StorefrontOutlined';
import SyncIcon from '@mui/icons-material/SyncOutlined';
import VerifiedUserIcon from '@mui/icons-material/BadgeOutlined';
import ViewKanbanIcon from '@mui/icons-material/ViewKanbanOutlined';
import WebhookIcon from '@mui/icons-material/WebhookOutlined';
import WidgetsIcon from '@mui/icons-material/WidgetsOutlined';
import type { SvgIconComponent } from '@mui/icons-material';
import type { MenuGroup } from './menu-groups.ts';

export const GROUP_ICONS: Record<MenuGroup, SvgIconComponent> = {
  workshop: BuildIcon,
  sales: StorefrontIcon,
  customers: PeopleIcon,
  content: ArticleIcon,
  integrations: HubIcon,
  settings: SettingsIcon,
  developers: CodeIcon,
  more: MoreIcon,
};

const RESOURCE_ICONS: Record<string, SvgIconComponent> = {
  WorkOrder: ReceiptIcon,
  Vehicle: DirectionsCarIcon,
  Appointment: AppointmentIcon,
  Inspection: FactCheckIcon,
  Technician: EngineeringIcon,
  ServiceItem: WidgetsIcon,
  Product: InventoryIcon,
  Sale: PointOfSaleIcon,
  Invoice: DescriptionIcon,
  Payment: PaymentsIcon,
  Customer: PeopleIcon,
  Conversation: ChatIcon,
  Message: MailIcon,
  ScheduledMessage: ScheduleSendIcon,
  Post: ArticleIcon,
  MediaAsset: ImageIcon,
  Category: CategoryIcon,
  Connection: ConnectionIcon,
  SyncRun: SyncIcon,
  SignatureRequest: DrawIcon,
  CalendarEvent: CalendarIcon,
  Membership: VerifiedUserIcon,
  Invitation: PersonAddIcon,
  ApiKey: KeyIcon,
  WebhookEndpoint: WebhookIcon,
  WebhookDelivery: DeliveryIcon,
  InboundEvent: InboxIcon,
};

/** A resource's own icon, or a list icon. */
export const resourceIcon = (typeName: string): SvgIconComponent => RESOURCE_ICONS[typeName] ?? ListIcon;

export { CalendarIcon, HubIcon, SettingsIcon, ViewKanbanIcon };
